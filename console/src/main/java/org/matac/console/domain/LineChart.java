package org.matac.console.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Two lines the server draws in SVG over a shared scale, for example monthly harm of the people
 * taken on and of their matched comparisons around the month they entered, with an optional
 * vertical marker (the day of entry). A line is drawn through its points as given; a step line (a
 * survival curve) passes the corners twice. Every chart that uses it has a table beside it for
 * people who cannot see the lines.
 */
public record LineChart(
    int width,
    int height,
    String first,
    String second,
    String marker,
    int plotLeft,
    int plotRight,
    int plotTop,
    int plotBottom,
    String topLabel) {

  public record Point(double x, double y) {}

  private static final int MARGIN = 36;

  /**
   * Draws both lines with x from {@code xFrom} to {@code xTo} and y from 0 to the larger of the
   * lines' highest point and {@code yAtLeast}, marking {@code markerX} if it is given.
   */
  public static LineChart of(
      List<Point> first,
      List<Point> second,
      double xFrom,
      double xTo,
      double yAtLeast,
      Double markerX,
      int width,
      int height) {
    double top = yAtLeast;
    for (Point point : first) {
      top = Math.max(top, point.y());
    }
    for (Point point : second) {
      top = Math.max(top, point.y());
    }
    Scale scale = new Scale(xFrom, xTo, top == 0 ? 1 : top, width, height);
    String marker =
        markerX == null
            ? null
            : scale.x(markerX) + "," + MARGIN + " " + scale.x(markerX) + "," + (height - MARGIN);
    return new LineChart(
        width,
        height,
        scale.polyline(first),
        scale.polyline(second),
        marker,
        MARGIN,
        width - MARGIN,
        MARGIN,
        height - MARGIN,
        trimmed(top == 0 ? 1 : top));
  }

  /** The corners of a step line through {@code steps}: flat until each x, then down or up. */
  public static List<Point> steps(List<Point> steps, double lastX) {
    List<Point> corners = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Point step = steps.get(i);
      if (i > 0) {
        corners.add(new Point(step.x(), steps.get(i - 1).y()));
      }
      corners.add(step);
    }
    if (!steps.isEmpty()) {
      corners.add(new Point(lastX, steps.get(steps.size() - 1).y()));
    }
    return corners;
  }

  private record Scale(double xFrom, double xTo, double yTop, int width, int height) {

    double x(double value) {
      return round(MARGIN + (width - 2.0 * MARGIN) * (value - xFrom) / (xTo - xFrom));
    }

    double y(double value) {
      return round(MARGIN + (height - 2.0 * MARGIN) * (1 - value / yTop));
    }

    String polyline(List<Point> points) {
      StringBuilder line = new StringBuilder();
      for (Point point : points) {
        line.append(line.isEmpty() ? "" : " ")
            .append(x(point.x()))
            .append(',')
            .append(y(point.y()));
      }
      return line.toString();
    }
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String trimmed(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value));
  }
}
