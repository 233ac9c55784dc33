package org.matac.events.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@code tracking.safety-worker-unassigned.v1} when a partner ends a worker's
 * assignment to a victim, keyed by the perpetrator id the event resolved to.
 */
public record SafetyWorkerUnassigned(
    UUID messageId,
    String perpetratorId,
    UUID causedByEventId,
    String victimSource,
    String victimRef,
    String workerId,
    Instant unassignedAt) {}
