package org.matac.notification.domain;

import java.time.Instant;

/**
 * What one worker is to be told about one fact. {@code factKey} names the fact, so the same fact
 * reaches the same worker once however often it is delivered. It names the perpetrator and what
 * happened; it never carries a victim's reference, name or contact details.
 */
public record Notice(
    String workerId,
    String factKey,
    String perpetratorId,
    Kind kind,
    boolean urgent,
    String title,
    String body,
    Instant happenedAt,
    String area) {

  public enum Kind {
    NEW_INCIDENT,
    RELEASED_OR_BAILED,
    ORDER_BREACHED,
    ORDER_ISSUED,
    ORDER_EXPIRING,
    INTERVENTION_ENDED,
    MATAC_TASKED,
    SERIAL_FLAG_SET,
    ESCALATING_FLAG_SET
  }
}
