package org.matac.console.domain;

import java.util.List;

/**
 * A table as CSV for a spreadsheet: a header row, then the rows, each line ended as spreadsheets
 * expect. Cells that a spreadsheet would run as a formula are written as text, because names and
 * descriptions come from many agencies' systems.
 */
public final class Csv {

  private Csv() {}

  public static String of(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, header);
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
