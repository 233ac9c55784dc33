package org.matac.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One inbox entry as its owner sees it. */
public record InboxEntry(
    UUID id,
    String perpetratorId,
    String kind,
    boolean urgent,
    String title,
    String body,
    Instant happenedAt,
    String area,
    String link,
    Instant createdAt,
    Instant acknowledgedAt) {}
