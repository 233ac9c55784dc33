package org.matac.console.domain;

import java.util.List;

/**
 * The meeting pack as CSV: one row per agreed action (or one row for a person without actions), so
 * partners can sort and filter it in a spreadsheet. Cells that a spreadsheet would run as a formula
 * are written as text, because names and descriptions come from many agencies' systems.
 */
public final class MeetingPack {

  public static final List<String> HEADER =
      List.of(
          "Rank",
          "Name",
          "Score",
          "Entry",
          "Decision",
          "Decision reason",
          "Decided by",
          "Action",
          "Tactic",
          "Agency",
          "Owner",
          "Due",
          "Status");

  private MeetingPack() {}

  public static String csv(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("'")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
