package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.sql.Sql;
import org.matac.tracking.application.intake.PartnerEvent;
import org.matac.tracking.domain.RecordVersion;

/** The current version of each partner record; older versions stay in intake_event. */
@Singleton
public class PartnerRecordStore {

  public enum Outcome {
    NEW,
    REPLACED,
    STALE
  }

  /** What storing did, and the payload of the version it replaced, if any. */
  public record Stored(Outcome outcome, Optional<String> replacedPayload) {}

  /** A record's current version, with the identifiers that version carried. */
  public record Current(
      RecordVersion version,
      String payload,
      UUID perpetratorId,
      String sourcePersonId,
      String pncId,
      boolean withdrawn) {}

  private final Sql sql;

  public PartnerRecordStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * The record's current version, locked for the rest of the transaction. The record's key is
   * locked first, so that two first versions arriving at once are ordered rather than racing.
   */
  public Optional<Current> current(PartnerEvent event) {
    sql.query(
        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
        row -> 1,
        "R|" + event.source() + "|" + event.sourceReference() + "|" + event.recordType());
    return sql.queryOne(
        "SELECT record_version, recorded_at, event_id, payload::text, perpetrator_id,"
            + " source_person_id, pnc_id, withdrawn FROM partner_record"
            + " WHERE source = ? AND source_reference = ? AND type = ? FOR UPDATE",
        row ->
            new Current(
                new RecordVersion(
                    row.getInt(1), Sql.instant(row, "recorded_at"), row.getObject(3, UUID.class)),
                row.getString(4),
                row.getObject(5, UUID.class),
                row.getString(6),
                row.getString(7),
                row.getBoolean(8)),
        event.source(),
        event.sourceReference(),
        event.recordType());
  }

  /** Keeps {@code event} among its record's versions, current or not. */
  public void storeVersion(PartnerEvent event) {
    sql.update(
        "INSERT INTO record_version (source, source_reference, type, event_id, record_version,"
            + " recorded_at, occurred_at, area, payload, withdrawn)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        event.source(),
        event.sourceReference(),
        event.recordType(),
        event.eventId(),
        event.version().recordVersion(),
        event.recordedAt(),
        event.occurredAt(),
        event.area(),
        new Sql.Json(withoutVictimContacts(event)),
        isWithdrawal(event));
  }

  /** Makes {@code event}, newer than {@code replaced}, the record's current version. */
  public Stored makeCurrent(PartnerEvent event, UUID perpetratorId, Optional<Current> replaced) {
    sql.update(
        "INSERT INTO partner_record (source, source_reference, type, perpetrator_id, event_id,"
            + " record_version, recorded_at, occurred_at, area, payload, withdrawn,"
            + " source_person_id, pnc_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (source, source_reference, type) DO UPDATE SET"
            + " perpetrator_id = excluded.perpetrator_id, event_id = excluded.event_id,"
            + " record_version = excluded.record_version, recorded_at = excluded.recorded_at,"
            + " occurred_at = excluded.occurred_at, area = excluded.area,"
            + " payload = excluded.payload, withdrawn = excluded.withdrawn,"
            + " source_person_id = excluded.source_person_id, pnc_id = excluded.pnc_id",
        event.source(),
        event.sourceReference(),
        event.recordType(),
        perpetratorId,
        event.eventId(),
        event.version().recordVersion(),
        event.recordedAt(),
        event.occurredAt(),
        event.area(),
        new Sql.Json(withoutVictimContacts(event)),
        isWithdrawal(event),
        event.perpetrator().sourcePersonId(),
        event.perpetrator().pncId().map(Object::toString).orElse(null));
    return replaced.isPresent()
        ? new Stored(Outcome.REPLACED, Optional.of(replaced.get().payload()))
        : new Stored(Outcome.NEW, Optional.empty());
  }

  private static boolean isWithdrawal(PartnerEvent event) {
    return event.type() == org.matac.events.intake.EventType.RECORD_WITHDRAWN;
  }

  /** Contact details are kept only in victim_contact, never beside the perpetrator's record. */
  private static String withoutVictimContacts(PartnerEvent event) {
    var payload = event.payload().deepCopy();
    payload
        .path("victims")
        .forEach(
            victim -> {
              if (victim.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) victim).remove("contact");
              }
            });
    if (event.type() != org.matac.events.intake.EventType.INCIDENT_REPORTED) {
      payload.remove("victims");
    }
    return payload.toString();
  }
}
