package org.matac.console.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's score over time as a small line chart the server draws in SVG, with the same story in
 * words for people who cannot see it: where the score started, where it is now, and its highest.
 */
public record ScoreChart(
    int width, int height, int maximum, List<Point> points, String polyline, String summary) {

  /** One recorded score: when it was assessed and its total. */
  public record Score(Instant asOf, int total) {}

  /** A score placed on the chart. */
  public record Point(double x, double y, int total, Instant asOf) {}

  private static final int MARGIN = 24;

  public static ScoreChart of(List<Score> history, int width, int height) {
    if (history.isEmpty()) {
      return new ScoreChart(width, height, 0, List.of(), "", "No score has been recorded yet.");
    }
    int maximum = Math.max(1, history.stream().mapToInt(Score::total).max().orElse(1));
    long first = history.get(0).asOf().toEpochMilli();
    long span = Math.max(1, history.get(history.size() - 1).asOf().toEpochMilli() - first);
    double plotWidth = width - 2.0 * MARGIN;
    double plotHeight = height - 2.0 * MARGIN;
    List<Point> points = new ArrayList<>();
    StringBuilder polyline = new StringBuilder();
    for (Score score : history) {
      double x =
          history.size() == 1
              ? width / 2.0
              : MARGIN + plotWidth * (score.asOf().toEpochMilli() - first) / span;
      double y = MARGIN + plotHeight * (1 - (double) score.total() / maximum);
      points.add(new Point(round(x), round(y), score.total(), score.asOf()));
      polyline.append(polyline.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
    }
    return new ScoreChart(
        width,
        height,
        maximum,
        List.copyOf(points),
        polyline.toString(),
        summary(history, maximum));
  }

  private static String summary(List<Score> history, int maximum) {
    int first = history.get(0).total();
    int last = history.get(history.size() - 1).total();
    if (history.size() == 1) {
      return "One score recorded: " + last + ".";
    }
    String direction = last > first ? "rose" : last < first ? "fell" : "stayed";
    String change = last == first ? "at " + last : "from " + first + " to " + last;
    return history.size()
        + " scores recorded. The score "
        + direction
        + " "
        + change
        + "; the highest was "
        + maximum
        + ".";
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
