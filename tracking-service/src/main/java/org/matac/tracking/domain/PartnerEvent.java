package org.matac.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.intake.EventType;

/**
 * An envelope that passed every rule of the partner contract. {@code bodySha256} is of its body in
 * canonical form (members sorted, white space dropped), so that "the same body" means equal as JSON
 * values; {@code storedBody} is that form without victims' contact details, which are kept only in
 * victim_contact. {@code payload} still holds them, for that table.
 *
 * <p>The envelope's own fields are typed here; its payload, whose fields differ by type, is read
 * through {@link Payload}.
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
    Payload payload,
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
      return payload.text("withdrawnType", "");
    }
    return type.name();
  }
}
