package org.matac.events.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@code scoring.score-changed.v1}, keyed by perpetrator id, whenever a person's score
 * under the active policy differs from the one last stored. An assessment, not a fact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreChanged(
    UUID messageId,
    String perpetratorId,
    String policyId,
    Instant asOf,
    int recency,
    int frequency,
    BigDecimal harm,
    int gravity,
    int victims,
    int total,
    Integer previousTotal,
    Flags flags,
    UUID causedByMessageId) {

  public record Flags(boolean serial, boolean repeat, boolean escalating) {}
}
