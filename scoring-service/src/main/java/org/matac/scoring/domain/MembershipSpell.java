package org.matac.scoring.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One time a person was in MATAC in an area: from the list that took them on until discharged. */
public record MembershipSpell(
    UUID perpetratorId,
    Instant approvedAt,
    Optional<Instant> dischargedAt,
    Optional<String> dischargeReason) {

  /** Whether they were in MATAC at {@code instant}. */
  public boolean activeAt(Instant instant) {
    return approvedAt.isBefore(instant)
        && dischargedAt.map(left -> !left.isBefore(instant)).orElse(true);
  }
}
