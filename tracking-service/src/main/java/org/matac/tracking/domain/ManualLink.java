package org.matac.tracking.domain;

import java.time.Instant;
import java.util.UUID;

/** A manual link as an admin made it, and whether it still stands. */
public record ManualLink(
    UUID id,
    String fromNode,
    String toNode,
    String reason,
    String createdBy,
    Instant createdAt,
    String removedBy,
    Instant removedAt,
    String removalReason) {}
