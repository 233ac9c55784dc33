package org.matac.scoring.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A programme's decision on a referral, as tracking published it: accepted onto a pathway (the
 * person entered the programme then), or declined or closed after screening (they were considered
 * and not taken on).
 */
public record ReferralDecision(
    UUID referralId,
    UUID perpetratorId,
    String area,
    String agency,
    String status,
    String pathway,
    Instant decidedAt) {

  public static final String ACCEPTED = "ACCEPTED";
  private static final Set<String> DECISIONS = Set.of(ACCEPTED, "DECLINED", "CLOSED");

  /** Whether a referral status is a decision at all (not opened, claimed or screened). */
  public static boolean isDecision(String status) {
    return DECISIONS.contains(status);
  }

  /** Accepted onto some pathway: the person entered a programme then. */
  public boolean accepted() {
    return ACCEPTED.equals(status);
  }

  public boolean entered(String intervention) {
    return accepted() && intervention.equals(pathway);
  }
}
