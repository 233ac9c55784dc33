package org.matac.events.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The envelope every partner sends, to Kafka or over HTTP. The payload's shape depends on {@link
 * #type()}: docs/partner-contract.md describes each, and docs/partner-envelope.schema.json checks
 * them (intake reads payloads field by field, so no record here stands for one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerEnvelope(
    UUID eventId,
    EventType type,
    Integer schemaVersion,
    String source,
    String sourceReference,
    Integer recordVersion,
    Instant occurredAt,
    Instant recordedAt,
    String area,
    ReportedPerson perpetrator,
    Map<String, Object> payload) {}
