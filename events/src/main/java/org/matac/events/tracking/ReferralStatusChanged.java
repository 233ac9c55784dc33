package org.matac.events.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@code tracking.referral-status-changed.v1}, keyed by perpetrator id, each time a
 * referral moves: opened, claimed, screened, accepted, declined or closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralStatusChanged(
    UUID messageId,
    UUID referralId,
    String perpetratorId,
    String agency,
    String area,
    String status,
    String previousStatus,
    String changedBy,
    Instant changedAt,
    String pathway,
    String outcome) {}
