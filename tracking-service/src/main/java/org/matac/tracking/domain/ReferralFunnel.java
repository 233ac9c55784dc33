package org.matac.tracking.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An area's referrals over the twelve whole months before a report's instant: how far they got
 * (referred, claimed, screened, then accepted, declined or closed, the queue's only order), who
 * referred them and to which pathway, and how many days they waited to be claimed and decided.
 * Counts from 1 to 9, and durations from fewer than 10 referrals, are not shown: in an area's year
 * they could point at a person.
 */
public final class ReferralFunnel {

  public static final int SUPPRESSED_UNDER = 10;
  private static final int MONTHS = 12;
  private static final double SECONDS_A_DAY = 86_400.0;

  private ReferralFunnel() {}

  /** What the funnel needs of one referral. */
  public record Milestones(
      String referringAgency,
      String pathwayRequested,
      Referral.Status status,
      Instant createdAt,
      Optional<Instant> claimedAt,
      Optional<Instant> decidedAt) {}

  /** A count as published: the number, or nothing when it is from 1 to 9. */
  public record Count(Integer value, boolean suppressed) {

    public static Count of(long count) {
      return count > 0 && count < SUPPRESSED_UNDER
          ? new Count(null, true)
          : new Count((int) count, false);
    }
  }

  public enum Stage {
    REFERRED("Referred", "Referrals received in the period.", EnumSet.allOf(Referral.Status.class)),
    CLAIMED(
        "Claimed",
        "Of those, referrals a caseworker has claimed.",
        EnumSet.complementOf(EnumSet.of(Referral.Status.NEW))),
    SCREENED(
        "Screened",
        "Of those, referrals screened with the identification tool.",
        EnumSet.of(
            Referral.Status.SCREENED,
            Referral.Status.ACCEPTED,
            Referral.Status.DECLINED,
            Referral.Status.CLOSED)),
    ACCEPTED(
        "Accepted onto a pathway", "Of those, accepted.", EnumSet.of(Referral.Status.ACCEPTED)),
    DECLINED("Declined", "Of those, declined.", EnumSet.of(Referral.Status.DECLINED)),
    CLOSED(
        "Closed with an outcome",
        "Of those, closed without a pathway, with the outcome recorded.",
        EnumSet.of(Referral.Status.CLOSED));

    private final String label;
    private final String definition;
    private final Set<Referral.Status> reached;

    Stage(String label, String definition, Set<Referral.Status> reached) {
      this.label = label;
      this.definition = definition;
      this.reached = reached;
    }
  }

  public record StageCount(Stage stage, String label, String definition, Count count) {}

  public record Group(String label, Count count) {}

  /**
   * The days from referral to a milestone among the referrals that reached it since the times were
   * recorded: quartiles, or none when fewer than {@link #SUPPRESSED_UNDER} referrals did.
   */
  public record Wait(
      String label,
      String definition,
      int referrals,
      Double lowerQuartile,
      Double median,
      Double upperQuartile,
      boolean suppressed) {}

  public record Funnel(
      YearMonth from,
      YearMonth to,
      List<StageCount> stages,
      List<Group> byReferringAgency,
      List<Group> byPathwayRequested,
      List<Wait> waits) {}

  public static Funnel of(List<Milestones> referrals, Instant asOf) {
    YearMonth last = YearMonth.from(asOf.atOffset(ZoneOffset.UTC)).minusMonths(1);
    YearMonth first = last.minusMonths(MONTHS - 1);
    Instant start = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Milestones> inPeriod =
        referrals.stream()
            .filter(referral -> !referral.createdAt().isBefore(start))
            .filter(referral -> referral.createdAt().isBefore(end))
            .toList();
    List<StageCount> stages = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      stages.add(
          new StageCount(
              stage,
              stage.label,
              stage.definition,
              Count.of(
                  inPeriod.stream()
                      .filter(referral -> stage.reached.contains(referral.status()))
                      .count())));
    }
    return new Funnel(
        first,
        last,
        stages,
        groups(inPeriod, Milestones::referringAgency),
        groups(
            inPeriod,
            referral ->
                referral.pathwayRequested() == null
                    ? "NONE_REQUESTED"
                    : referral.pathwayRequested()),
        List.of(
            wait(
                "Days from referral to claim",
                "From the referral's arrival to a caseworker claiming it.",
                inPeriod,
                Milestones::claimedAt),
            wait(
                "Days from referral to decision",
                "From the referral's arrival to its acceptance, decline or closure.",
                inPeriod,
                Milestones::decidedAt)));
  }

  private static List<Group> groups(List<Milestones> referrals, Function<Milestones, String> key) {
    Map<String, Long> counts =
        referrals.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(entry -> new Group(entry.getKey(), Count.of(entry.getValue())))
        .toList();
  }

  private static Wait wait(
      String label,
      String definition,
      List<Milestones> referrals,
      Function<Milestones, Optional<Instant>> milestone) {
    double[] days =
        referrals.stream()
            .flatMap(
                referral ->
                    milestone.apply(referral).stream()
                        .map(at -> Duration.between(referral.createdAt(), at).toSeconds()))
            .mapToDouble(seconds -> seconds / SECONDS_A_DAY)
            .sorted()
            .toArray();
    if (days.length < SUPPRESSED_UNDER) {
      return new Wait(label, definition, days.length, null, null, null, days.length > 0);
    }
    return new Wait(
        label,
        definition,
        days.length,
        quantile(days, 0.25),
        quantile(days, 0.5),
        quantile(days, 0.75),
        false);
  }

  /** The quantile by linear interpolation between the closest ranks (R's and Excel's default). */
  static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
