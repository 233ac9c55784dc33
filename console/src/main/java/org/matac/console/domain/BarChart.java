package org.matac.console.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars the server draws in SVG, one per row, longest for the largest count, for example
 * how far an area's referrals got. A suppressed count has no bar, only its words. The page keeps
 * the figures in a list or table beside the chart for people who cannot see it.
 */
public record BarChart(int width, int height, List<Bar> bars) {

  /** A row to draw: its label and count, or no count where it was suppressed. */
  public record Row(String label, Integer count, String shown) {}

  /** A drawn bar: where its label and figure sit, and its length (0 for none). */
  public record Bar(String label, String shown, int y, int length, int textY) {}

  private static final int LABEL_WIDTH = 200;
  private static final int ROW_HEIGHT = 32;
  private static final int BAR_HEIGHT = 20;
  private static final int FIGURE_ROOM = 56;

  public static BarChart of(List<Row> rows, int width) {
    int largest = 0;
    for (Row row : rows) {
      if (row.count() != null) {
        largest = Math.max(largest, row.count());
      }
    }
    int room = width - LABEL_WIDTH - FIGURE_ROOM;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      // A count too small to see still gets a pixel, so that it never reads as none.
      int length =
          row.count() == null || row.count() == 0
              ? 0
              : Math.max(1, (int) Math.round(room * row.count() / (double) largest));
      int y = i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
      bars.add(new Bar(row.label(), row.shown(), y, length, y + BAR_HEIGHT - 5));
    }
    return new BarChart(width, rows.size() * ROW_HEIGHT, List.copyOf(bars));
  }

  /** Where bars start, after the labels. */
  public int barsFrom() {
    return LABEL_WIDTH;
  }
}
