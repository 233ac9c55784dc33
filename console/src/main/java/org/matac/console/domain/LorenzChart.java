package org.matac.console.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A Lorenz curve of harm the server draws in SVG: people from the lowest harm to the highest along
 * the bottom, their cumulative share of all harm up the side, beside the diagonal everyone would
 * follow if they had all caused the same harm. The same story is told in a table of tenths and in
 * words, for people who cannot see the chart.
 */
public record LorenzChart(
    int width, int height, String curve, String equality, List<Tenth> tenths, String summary) {

  /** A point of the curve as scoring reports it: shares from 0 to 1. */
  public record Point(double people, double harm) {}

  /** The lowest-harm {@code peoplePercent} of people caused {@code harmPercent} of all harm. */
  public record Tenth(int peoplePercent, double harmPercent) {}

  private static final int MARGIN = 32;
  private static final int MOST_POINTS = 101;

  public static LorenzChart of(List<Point> curve, int width, int height) {
    double plotWidth = width - 2.0 * MARGIN;
    double plotHeight = height - 2.0 * MARGIN;
    StringBuilder line = new StringBuilder();
    // A large area has a point per person; a hundred steps draw the same curve.
    int step = Math.max(1, (curve.size() - 1) / (MOST_POINTS - 1));
    for (int i = 0; i < curve.size(); i += step) {
      append(line, curve.get(i), plotWidth, plotHeight);
    }
    if ((curve.size() - 1) % step != 0) {
      append(line, curve.get(curve.size() - 1), plotWidth, plotHeight);
    }
    String equality =
        MARGIN
            + ","
            + (MARGIN + round(plotHeight))
            + " "
            + (MARGIN + round(plotWidth))
            + ","
            + MARGIN;
    List<Tenth> tenths = new ArrayList<>();
    for (int percent = 10; percent <= 100; percent += 10) {
      tenths.add(new Tenth(percent, round(100 * harmAt(curve, percent / 100.0))));
    }
    return new LorenzChart(
        width, height, line.toString(), equality, List.copyOf(tenths), summary(curve));
  }

  private static void append(StringBuilder line, Point point, double plotWidth, double plotHeight) {
    double x = MARGIN + plotWidth * point.people();
    double y = MARGIN + plotHeight * (1 - point.harm());
    line.append(line.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
  }

  /** The share of harm of the lowest-harm {@code people} share, between the reported points. */
  static double harmAt(List<Point> curve, double people) {
    for (int i = 1; i < curve.size(); i++) {
      Point right = curve.get(i);
      if (right.people() >= people) {
        Point left = curve.get(i - 1);
        double span = right.people() - left.people();
        double along = span == 0 ? 1 : (people - left.people()) / span;
        return left.harm() + along * (right.harm() - left.harm());
      }
    }
    return 1;
  }

  private static String summary(List<Point> curve) {
    long lowestHalf = Math.round(100 * harmAt(curve, 0.5));
    long lowestNineTenths = Math.round(100 * harmAt(curve, 0.9));
    return "The lowest-harm half of people caused "
        + lowestHalf
        + "% of all harm, the lowest-harm nine tenths "
        + lowestNineTenths
        + "%. If everyone had caused the same harm, the line would follow the diagonal.";
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
