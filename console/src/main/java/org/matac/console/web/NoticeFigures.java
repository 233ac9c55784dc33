package org.matac.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Notification's acknowledgement times as the measures page prints them, one line per urgency. */
public record NoticeFigures(String definition, List<ReferralFigures.Line> lines) {

  static NoticeFigures of(Map<String, Object> report) {
    Map<String, Object> times = Answers.map(report.get("times"));
    List<ReferralFigures.Line> lines = new ArrayList<>();
    for (Map<String, Object> row : Answers.list(times.get("rows"))) {
      lines.add(
          new ReferralFigures.Line(
              String.valueOf(row.get("label")),
              MeasureFigures.cell(row.get("notices"))
                  + " given, "
                  + MeasureFigures.cell(row.get("acknowledged"))
                  + " acknowledged, "
                  + MeasureFigures.cell(row.get("notAcknowledged"))
                  + " not yet",
              hours(row)));
    }
    return new NoticeFigures(String.valueOf(times.get("definition")), lines);
  }

  private static String hours(Map<String, Object> row) {
    if (!(row.get("medianHours") instanceof Number median)) {
      return "Too few acknowledged to time.";
    }
    return String.format(
        Locale.UK,
        "Acknowledged after %.1f hours in the middle case; half between %.1f and %.1f hours.",
        median.doubleValue(),
        ((Number) row.get("lowerQuartileHours")).doubleValue(),
        ((Number) row.get("upperQuartileHours")).doubleValue());
  }

  List<List<String>> csvRows(int columns) {
    List<List<String>> rows = new ArrayList<>();
    ReferralFigures.add(rows, "Notices to victim-safety workers", lines, columns);
    return rows;
  }
}
