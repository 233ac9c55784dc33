package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A priority score: an assessment, never a fact. It names its policy and instant, and carries the
 * evidence that produced each component so a coordinator can explain it.
 */
public record Score(
    String policyId,
    Instant asOf,
    int recency,
    int frequency,
    BigDecimal harm,
    int gravity,
    int victims,
    int total,
    Flags flags,
    Optional<LatestIncident> latestIncident,
    List<Evidence> evidence) {

  public record Flags(boolean serial, boolean repeat, boolean escalating) {}

  /** The incident that sets recency and places the person in an area. */
  public record LatestIncident(
      String source, String incidentRef, Instant occurredAt, String area) {}

  /** What one incident in the window contributed. */
  public record Evidence(
      String source,
      String incidentRef,
      Instant occurredAt,
      String area,
      String gravestOffence,
      BigDecimal harm,
      int victims) {}

  /** The components that matter for a change: two scores differing only in asOf are the same. */
  public boolean sameAssessmentAs(Score other) {
    return other != null
        && policyId.equals(other.policyId)
        && recency == other.recency
        && frequency == other.frequency
        && harm.compareTo(other.harm) == 0
        && gravity == other.gravity
        && victims == other.victims
        && total == other.total
        && flags.equals(other.flags);
  }
}
