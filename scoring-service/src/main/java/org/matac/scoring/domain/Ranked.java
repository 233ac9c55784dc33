package org.matac.scoring.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A person's score ready to be ranked, with the identifier that breaks the last tie: their smallest
 * normalised PNC id, else their smallest {@code source:sourcePersonId}.
 */
public record Ranked(UUID perpetratorId, Score score, String tieBreakKey) {

  /**
   * The policy's ranking order: total descending, then harm descending, then the latest incident's
   * time descending, then the tie-break key ascending in byte order. The same events and policy
   * always give the same list, whatever order the events arrived in.
   */
  public static final Comparator<Ranked> ORDER =
      Comparator.comparing((Ranked ranked) -> ranked.score().total(), Comparator.reverseOrder())
          .thenComparing(ranked -> ranked.score().harm(), Comparator.reverseOrder())
          .thenComparing(Ranked::latestOccurredAt, Comparator.reverseOrder())
          .thenComparing(
              ranked -> ranked.tieBreakKey().getBytes(StandardCharsets.UTF_8),
              Arrays::compareUnsigned);

  public static String tieBreakKeyOf(List<String> pncIds, List<String> sourceIdentities) {
    if (!pncIds.isEmpty()) {
      return pncIds.stream().min(Ranked::byteOrder).orElseThrow();
    }
    return sourceIdentities.stream().min(Ranked::byteOrder).orElse("");
  }

  private Instant latestOccurredAt() {
    return score.latestIncident().map(Score.LatestIncident::occurredAt).orElse(Instant.MIN);
  }

  /** The area of the latest incident in the window: a person without one belongs to no area. */
  public boolean belongsTo(String area) {
    return score.latestIncident().map(latest -> area.equals(latest.area())).orElse(false);
  }

  /** A MATAC candidate: total at or above the policy's threshold, or flagged serial. */
  public boolean isMatacCandidate(ScoringPolicy policy) {
    return score.total() >= policy.cohorts().matacThreshold() || score.flags().serial();
  }

  private static int byteOrder(String left, String right) {
    return Arrays.compareUnsigned(
        left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
  }
}
