package org.matac.events.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@code tracking.safety-worker-assigned.v1} when a partner assigns a victim-safety
 * worker to a victim, keyed by the perpetrator id the assigning event resolved to. It carries no
 * address: a feed's {@code workerEmail} is never used, and notices are e-mailed only to the address
 * the worker's agency keeps in notification-service's worker directory.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetyWorkerAssigned(
    UUID messageId,
    String perpetratorId,
    UUID causedByEventId,
    String victimSource,
    String victimRef,
    String workerId,
    String workerAgency,
    Instant assignedAt) {}
