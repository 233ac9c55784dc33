package org.matac.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.matac.console.domain.BarChart;

/** Tracking's referral funnel as the measures page prints it, and as CSV lines beside it. */
public record ReferralFigures(
    List<Line> stages, List<Line> byReferringAgency, List<Line> byPathway, List<Line> waits) {

  /** A labelled line: what it counts, the figure, and its definition where it has one. */
  public record Line(String label, String figure, String definition) {}

  static ReferralFigures of(Map<String, Object> report) {
    Map<String, Object> funnel = Answers.map(report.get("funnel"));
    List<Line> stages = new ArrayList<>();
    for (Map<String, Object> stage : Answers.list(funnel.get("stages"))) {
      stages.add(
          new Line(
              String.valueOf(stage.get("label")),
              MeasureFigures.cell(stage.get("count")),
              String.valueOf(stage.get("definition"))));
    }
    List<Line> waits = new ArrayList<>();
    for (Map<String, Object> wait : Answers.list(funnel.get("waits"))) {
      waits.add(
          new Line(
              String.valueOf(wait.get("label")),
              waitFigure(wait),
              wait.get("definition") + " From " + wait.get("referrals") + " referrals."));
    }
    return new ReferralFigures(
        stages,
        groups(funnel.get("byReferringAgency")),
        groups(funnel.get("byPathwayRequested")),
        waits);
  }

  private static List<Line> groups(Object groups) {
    return Answers.list(groups).stream()
        .map(
            group ->
                new Line(
                    Formats.SHARED.words(group.get("label")),
                    MeasureFigures.cell(group.get("count")),
                    ""))
        .toList();
  }

  private static String waitFigure(Map<String, Object> wait) {
    if (!(wait.get("median") instanceof Number median)) {
      return Integer.valueOf(0).equals(wait.get("referrals"))
          ? "No referrals got this far"
          : "Fewer than 10 referrals got this far: too few to time without pointing at someone";
    }
    return String.format(
        Locale.UK,
        "%.1f days (half between %.1f and %.1f)",
        median.doubleValue(),
        ((Number) wait.get("lowerQuartile")).doubleValue(),
        ((Number) wait.get("upperQuartile")).doubleValue());
  }

  /** The stages as bars, the largest (everyone referred) full length. */
  public BarChart funnelChart() {
    return BarChart.of(
        stages.stream()
            .map(stage -> new BarChart.Row(stage.label(), countIn(stage.figure()), stage.figure()))
            .toList(),
        560);
  }

  /** A figure as a count, or none where it was suppressed. */
  static Integer countIn(String figure) {
    return figure.chars().allMatch(Character::isDigit) && !figure.isEmpty()
        ? Integer.valueOf(figure)
        : null;
  }

  /** The funnel as lines of a CSV whose other lines have {@code columns} cells. */
  List<List<String>> csvRows(int columns) {
    List<List<String>> rows = new ArrayList<>();
    add(rows, "Referrals", stages, columns);
    add(rows, "Referrals by referring agency", byReferringAgency, columns);
    add(rows, "Referrals by pathway requested", byPathway, columns);
    add(rows, "Referral waits", waits, columns);
    return rows;
  }

  /** Lines of one table as CSV rows: its name and the line's label, the figure, its definition. */
  static void add(List<List<String>> rows, String table, List<Line> lines, int columns) {
    for (Line line : lines) {
      List<String> row = new ArrayList<>(List.of(table + ": " + line.label(), ""));
      while (row.size() < columns - 2) {
        row.add("");
      }
      row.add(line.figure());
      row.add(line.definition());
      rows.add(row);
    }
  }
}
