package org.matac.events.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@link EventType#SAFETY_WORKER_ASSIGNED}. {@code victimSource} names the agency that
 * recorded the victim and defaults to the envelope's {@code source}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetyWorkerAssigned(
    String victimRef,
    String victimSource,
    String workerId,
    String workerAgency,
    String workerEmail) {}
