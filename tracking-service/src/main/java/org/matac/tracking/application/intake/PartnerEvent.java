package org.matac.tracking.application.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.intake.EventType;
import org.matac.tracking.domain.PncId;
import org.matac.tracking.domain.RecordVersion;

/**
 * An envelope that passed every rule of the partner contract. {@code bodySha256} is of its body in
 * canonical form (members sorted, white space dropped), so that "the same body" means equal as JSON
 * values; {@code storedBody} is that form without victims' contact details, which are kept only in
 * victim_contact. {@code payload} still holds them, for that table.
 */
public record PartnerEvent(
    UUID eventId,
    EventType type,
    String source,
    String sourceReference,
    Integer recordVersion,
    Instant occurredAt,
    Instant recordedAt,
    String area,
    Person perpetrator,
    ObjectNode payload,
    String storedBody,
    String bodySha256) {

  public record Person(
      String sourcePersonId,
      Optional<PncId> pncId,
      String givenName,
      String familyName,
      LocalDate dateOfBirth) {}

  public RecordVersion version() {
    return RecordVersion.of(recordVersion, recordedAt, eventId);
  }

  /** The type of the record this event is a version of: a withdrawal versions another type. */
  public String recordType() {
    if (type == EventType.RECORD_WITHDRAWN) {
      return payload.path("withdrawnType").asText();
    }
    return type.name();
  }
}
