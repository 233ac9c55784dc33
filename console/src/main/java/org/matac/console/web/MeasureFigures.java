package org.matac.console.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.matac.console.domain.BarChart;

/**
 * Scoring's partnership measures as the page prints them: a month's count, or "<10" where it was
 * suppressed; the definitions beside the measures; the breakdowns grouped by their table.
 */
public record MeasureFigures(
    List<String> months, List<Measure> rows, Map<String, List<Share>> breakdowns) {

  /** One measure's line: name, counting unit, definition, a cell per month, the twelve months. */
  public record Measure(
      String label, String unit, String definition, List<String> months, String twelveMonths) {

    /** The page puts the latest month first, so a narrow screen cuts off the oldest. */
    public List<String> newestFirst() {
      return reversed(months);
    }
  }

  public List<String> monthsNewestFirst() {
    return reversed(months);
  }

  private static List<String> reversed(List<String> items) {
    List<String> copy = new ArrayList<>(items);
    Collections.reverse(copy);
    return copy;
  }

  public record Share(String label, String figure) {}

  static final String SUPPRESSED = "<10";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  static MeasureFigures of(Map<String, Object> report) {
    List<String> months = new ArrayList<>();
    for (Object month : (List<?>) report.get("months")) {
      months.add(YearMonth.parse(String.valueOf(month)).format(MONTH));
    }
    List<Measure> rows = new ArrayList<>();
    for (Map<String, Object> row : Answers.list(report.get("rows"))) {
      rows.add(
          new Measure(
              String.valueOf(row.get("label")),
              String.valueOf(row.get("unit")),
              String.valueOf(row.get("definition")),
              Answers.list(row.get("months")).stream().map(MeasureFigures::cell).toList(),
              cell(row.get("twelveMonths"))));
    }
    Map<String, List<Share>> breakdowns = new LinkedHashMap<>();
    for (Map<String, Object> share : Answers.list(report.get("breakdowns"))) {
      breakdowns
          .computeIfAbsent(String.valueOf(share.get("table")), table -> new ArrayList<>())
          .add(new Share(Formats.SHARED.words(share.get("label")), cell(share.get("count"))));
    }
    return new MeasureFigures(months, rows, breakdowns);
  }

  /** A suppressed count as the services send it ({@code value}, {@code suppressed}), in words. */
  static String cell(Object count) {
    Map<String, Object> cell = Answers.map(count);
    return Boolean.TRUE.equals(cell.get("suppressed"))
        ? SUPPRESSED
        : String.valueOf(cell.get("value"));
  }

  /** The first measure (DA incidents) month by month, oldest first, as bars. */
  public BarChart firstMeasureByMonth() {
    Measure first = rows.get(0);
    List<BarChart.Row> bars = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      String figure = first.months().get(i);
      bars.add(new BarChart.Row(months.get(i), ReferralFigures.countIn(figure), figure));
    }
    return BarChart.of(bars, 560);
  }

  public String firstMeasureLabel() {
    return rows.get(0).label();
  }

  List<String> csvHeader() {
    List<String> header = new ArrayList<>(List.of("Measure", "Unit"));
    header.addAll(months);
    header.addAll(List.of("Twelve months", "Definition"));
    return header;
  }

  List<List<String>> csvRows() {
    List<List<String>> lines = new ArrayList<>();
    for (Measure row : rows) {
      List<String> line = new ArrayList<>(List.of(row.label(), row.unit()));
      line.addAll(row.months());
      line.addAll(List.of(row.twelveMonths(), row.definition()));
      lines.add(line);
    }
    breakdowns.forEach(
        (table, shares) -> {
          for (Share share : shares) {
            List<String> line = new ArrayList<>(List.of(table + ": " + share.label(), ""));
            months.forEach(month -> line.add(""));
            line.addAll(List.of(share.figure(), "Over the twelve months"));
            lines.add(line);
          }
        });
    return lines;
  }
}
