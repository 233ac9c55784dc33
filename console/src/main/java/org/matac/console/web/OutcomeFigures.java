package org.matac.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.matac.console.domain.LineChart;

/**
 * Scoring's MATAC outcome report as the page shows it: each design's table in words and rounded
 * figures, the two charts drawn, and the same tables as rows for a spreadsheet.
 */
public record OutcomeFigures(
    List<Row> beforeAfter,
    String strength,
    List<Row> estimates,
    List<Row> balance,
    LineChart monthly,
    List<Row> monthlyTable,
    LineChart survival,
    List<Row> survivalTable) {

  /** A row of a table: what it is about, then its cells, as the page prints them. */
  public record Row(String label, List<String> cells, boolean flagged) {}

  static final List<String> CSV_HEADER =
      List.of("Table", "Row", "Value 1", "Value 2", "Value 3", "Value 4", "Value 5", "Value 6");

  private static final Formats FORMAT = Formats.SHARED;
  private static final Map<String, String> MEASURES =
      Map.of(
          "HARM", "Harm (gravity-weighted)", "CRIMES", "DA crimes", "NEW_VICTIMS", "New victims");
  private static final Map<String, String> COVARIATES =
      Map.of(
          "HARM_BEFORE", "Harm in the year before",
          "CRIMES_BEFORE", "DA crimes in the year before",
          "TRAJECTORY", "Harm rising or falling (last 6 months less the 6 before)",
          "VICTIMS_BEFORE", "Victims in the year before",
          "AGE", "Age at entry",
          "DAYS_SINCE_LAST_INCIDENT", "Days since the last incident");
  private static final Map<String, String> STRENGTHS =
      Map.of(
          "TOO_FEW",
          "Too few matched pairs to estimate anything: no estimate is made under 30.",
          "FEW",
          "An estimate from fewer than 60 matched pairs: read it with care.",
          "ENOUGH",
          "An estimate from enough matched pairs to read, within its interval.");

  static OutcomeFigures of(Map<String, Object> report) {
    Map<String, Object> matched = Answers.map(report.get("matched"));
    Map<String, Object> survival = Answers.map(report.get("survival"));
    return new OutcomeFigures(
        beforeAfter(Answers.map(report.get("beforeAfter"))),
        STRENGTHS.get(String.valueOf(matched.get("strength"))),
        estimates(matched),
        balance(matched),
        monthlyChart(matched),
        monthlyTable(matched),
        survivalChart(survival),
        survivalTable(survival));
  }

  private static List<Row> beforeAfter(Map<String, Object> beforeAfter) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> mean : Answers.list(beforeAfter.get("means"))) {
      Map<String, Object> periods = Answers.map(mean.get("mean"));
      rows.add(
          new Row(
              MEASURES.get(String.valueOf(mean.get("measure"))),
              List.of(
                  oneDecimal(periods.get("earlier")),
                  oneDecimal(periods.get("before")),
                  oneDecimal(periods.get("after"))),
              false));
    }
    return rows;
  }

  private static List<Row> estimates(Map<String, Object> matched) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> estimate : Answers.list(matched.get("estimates"))) {
      Map<String, Object> interval = Answers.map(estimate.get("interval"));
      rows.add(
          new Row(
              MEASURES.get(String.valueOf(estimate.get("measure"))),
              List.of(
                  signed(estimate.get("treatedChange")),
                  signed(estimate.get("comparisonChange")),
                  signed(estimate.get("difference")),
                  signed(interval.get("low")) + " to " + signed(interval.get("high")),
                  signedPercent(estimate.get("relative"))),
              Boolean.TRUE.equals(estimate.get("consistentWithNoEffect"))));
    }
    return rows;
  }

  private static List<Row> balance(Map<String, Object> matched) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> row : Answers.list(matched.get("balance"))) {
      rows.add(
          new Row(
              COVARIATES.get(String.valueOf(row.get("covariate"))),
              List.of(
                  oneDecimal(row.get("treatedMean")),
                  oneDecimal(row.get("poolMean")),
                  FORMAT.twoPlaces(row.get("differenceBefore")),
                  FORMAT.twoPlaces(row.get("differenceAfter")),
                  String.valueOf(row.get("unknown"))),
              Boolean.TRUE.equals(row.get("imbalanced"))));
    }
    return rows;
  }

  private static LineChart monthlyChart(Map<String, Object> matched) {
    return LineChart.of(
        monthly(matched.get("treatedMonthlyHarm")),
        monthly(matched.get("comparisonMonthlyHarm")),
        -12,
        12,
        0,
        0.0,
        560,
        300);
  }

  private static List<LineChart.Point> monthly(Object months) {
    List<LineChart.Point> points = new ArrayList<>();
    List<?> values = (List<?>) months;
    for (int i = 0; i < values.size(); i++) {
      points.add(new LineChart.Point(i - 12 + 0.5, number(values.get(i))));
    }
    return points;
  }

  private static List<Row> monthlyTable(Map<String, Object> matched) {
    List<?> treated = (List<?>) matched.get("treatedMonthlyHarm");
    List<?> comparison = (List<?>) matched.get("comparisonMonthlyHarm");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < treated.size(); i++) {
      int month = i - 12;
      rows.add(
          new Row(
              month < 0 ? (-month) + " before entry" : (month + 1) + " after entry",
              List.of(oneDecimal(treated.get(i)), oneDecimal(comparison.get(i))),
              false));
    }
    return rows;
  }

  private static LineChart survivalChart(Map<String, Object> survival) {
    return LineChart.of(
        LineChart.steps(steps(Answers.map(survival.get("treated"))), 365),
        LineChart.steps(steps(Answers.map(survival.get("comparison"))), 365),
        0,
        365,
        1,
        null,
        560,
        300);
  }

  private static List<LineChart.Point> steps(Map<String, Object> curve) {
    return Answers.list(curve.get("steps")).stream()
        .map(step -> new LineChart.Point(number(step.get("day")), number(step.get("surviving"))))
        .toList();
  }

  private static List<Row> survivalTable(Map<String, Object> survival) {
    Map<String, Object> treated = Answers.map(survival.get("treated"));
    Map<String, Object> comparison = Answers.map(survival.get("comparison"));
    List<Map<String, Object>> treatedAtRisk = Answers.list(treated.get("atRisk"));
    List<Map<String, Object>> comparisonAtRisk = Answers.list(comparison.get("atRisk"));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < treatedAtRisk.size(); i++) {
      int day = (int) number(treatedAtRisk.get(i).get("day"));
      rows.add(
          new Row(
              "Day " + day,
              List.of(
                  FORMAT.percent(survivingAt(treated, day)),
                  String.valueOf(treatedAtRisk.get(i).get("people")),
                  FORMAT.percent(survivingAt(comparison, day)),
                  String.valueOf(comparisonAtRisk.get(i).get("people"))),
              false));
    }
    return rows;
  }

  /** The share with no re-offence by {@code day}: the last step on or before it. */
  private static double survivingAt(Map<String, Object> curve, int day) {
    double surviving = 1;
    for (Map<String, Object> step : Answers.list(curve.get("steps"))) {
      if (number(step.get("day")) > day) {
        break;
      }
      surviving = number(step.get("surviving"));
    }
    return surviving;
  }

  List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    add(rows, "Before and after entry (not an impact estimate)", beforeAfter);
    add(rows, "Matched comparison: change from the year before to the year after", estimates);
    add(rows, "Balance (standardised differences)", balance);
    add(rows, "Monthly harm, taken on and matched comparison", monthlyTable);
    add(rows, "No re-offence yet, and at risk", survivalTable);
    return rows;
  }

  private static void add(List<List<String>> rows, String table, List<Row> tableRows) {
    for (Row row : tableRows) {
      List<String> cells = new ArrayList<>(List.of(table, row.label()));
      cells.addAll(row.cells());
      while (cells.size() < CSV_HEADER.size()) {
        cells.add("");
      }
      rows.add(cells);
    }
  }

  private static double number(Object value) {
    return value instanceof Number number ? number.doubleValue() : 0;
  }

  private static String oneDecimal(Object value) {
    return String.format(Locale.UK, "%.1f", number(value));
  }

  /** A change with its sign; one that rounds to nothing is "0.0", never "-0.0" or "+0.0". */
  private static String signed(Object value) {
    double rounded = Math.round(number(value) * 10) / 10.0;
    return rounded == 0 ? "0.0" : String.format(Locale.UK, "%+.1f", rounded);
  }

  private static String signedPercent(Object value) {
    long percent = Math.round(100 * number(value));
    return percent == 0 ? "0%" : String.format(Locale.UK, "%+d%%", percent);
  }
}
