package org.matac.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How quickly victim-safety workers acknowledged the notices the system gave them about people in
 * an area, urgent and routine apart, over the twelve whole months before a report's instant. Counts
 * from 1 to 9, and times from fewer than 10 acknowledgements, are not shown.
 */
public final class AcknowledgementTimes {

  public static final int SUPPRESSED_UNDER = 10;
  private static final int MONTHS = 12;
  private static final double SECONDS_AN_HOUR = 3_600.0;

  private AcknowledgementTimes() {}

  /** What the measure needs of one notice to one worker. */
  public record Notice(boolean urgent, Instant createdAt, Optional<Instant> acknowledgedAt) {}

  /** A count as published: the number, or nothing when it is from 1 to 9. */
  public record Count(Integer value, boolean suppressed) {

    public static Count of(long count) {
      return count > 0 && count < SUPPRESSED_UNDER
          ? new Count(null, true)
          : new Count((int) count, false);
    }
  }

  /**
   * The notices of one urgency: how many, how many acknowledged by the report's instant, and the
   * quartiles of the hours from notice to acknowledgement (none from fewer than ten).
   */
  public record ByUrgency(
      boolean urgent,
      String label,
      Count notices,
      Count acknowledged,
      Count notAcknowledged,
      Double lowerQuartileHours,
      Double medianHours,
      Double upperQuartileHours) {}

  public record Report(YearMonth from, YearMonth to, String definition, List<ByUrgency> rows) {}

  public static Report of(List<Notice> notices, Instant asOf) {
    YearMonth last = YearMonth.from(asOf.atOffset(ZoneOffset.UTC)).minusMonths(1);
    YearMonth first = last.minusMonths(MONTHS - 1);
    Instant start = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<ByUrgency> rows = new ArrayList<>();
    for (boolean urgent : new boolean[] {true, false}) {
      List<Notice> given =
          notices.stream()
              .filter(notice -> notice.urgent() == urgent)
              .filter(notice -> !notice.createdAt().isBefore(start))
              .filter(notice -> notice.createdAt().isBefore(end))
              .toList();
      double[] hours =
          given.stream()
              .flatMap(
                  notice ->
                      notice.acknowledgedAt().filter(at -> !at.isAfter(asOf)).stream()
                          .map(at -> Duration.between(notice.createdAt(), at).toSeconds()))
              .mapToDouble(seconds -> seconds / SECONDS_AN_HOUR)
              .sorted()
              .toArray();
      boolean enough = hours.length >= SUPPRESSED_UNDER;
      rows.add(
          new ByUrgency(
              urgent,
              urgent ? "Urgent notices" : "Other notices",
              Count.of(given.size()),
              Count.of(hours.length),
              Count.of(given.size() - hours.length),
              enough ? quantile(hours, 0.25) : null,
              enough ? quantile(hours, 0.5) : null,
              enough ? quantile(hours, 0.75) : null));
    }
    return new Report(
        first,
        last,
        "Notices given to victim-safety workers about people in the area in the period, one per"
            + " worker told; the hours from a notice being given to its worker acknowledging it,"
            + " among those acknowledged by the report's date. Urgent notices are releases, bail,"
            + " order breaches and incidents against a new victim.",
        rows);
  }

  /** The quantile by linear interpolation between the closest ranks. */
  static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
