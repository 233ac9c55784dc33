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

  private record Current(RecordVersion version, String payload) {}

  private final Sql sql;

  public PartnerRecordStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Keeps {@code event} among the record's versions, and makes it the current version if it is
   * newer than the stored one.
   */
  public Stored storeIfCurrent(PartnerEvent event, UUID perpetratorId) {
    String recordType = event.recordType();
    String payload = withoutVictimContacts(event);
    boolean withdrawal = event.type() == org.matac.events.intake.EventType.RECORD_WITHDRAWN;
    sql.update(
        "INSERT INTO record_version (source, source_reference, type, event_id, record_version,"
            + " recorded_at, occurred_at, area, payload, withdrawn)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        event.source(),
        event.sourceReference(),
        recordType,
        event.eventId(),
        event.version().recordVersion(),
        event.recordedAt(),
        event.occurredAt(),
        event.area(),
        new Sql.Json(payload),
        withdrawal);
    Optional<Current> current =
        sql.queryOne(
            "SELECT record_version, recorded_at, event_id, payload::text FROM partner_record"
                + " WHERE source = ? AND source_reference = ? AND type = ? FOR UPDATE",
            row ->
                new Current(
                    new RecordVersion(
                        row.getInt(1),
                        Sql.instant(row, "recorded_at"),
                        row.getObject(3, UUID.class)),
                    row.getString(4)),
            event.source(),
            event.sourceReference(),
            recordType);
    if (current.isPresent() && !event.version().supersedes(current.get().version())) {
      return new Stored(Outcome.STALE, Optional.empty());
    }
    sql.update(
        "INSERT INTO partner_record (source, source_reference, type, perpetrator_id, event_id,"
            + " record_version, recorded_at, occurred_at, area, payload, withdrawn)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (source, source_reference, type) DO UPDATE SET"
            + " perpetrator_id = excluded.perpetrator_id, event_id = excluded.event_id,"
            + " record_version = excluded.record_version, recorded_at = excluded.recorded_at,"
            + " occurred_at = excluded.occurred_at, area = excluded.area,"
            + " payload = excluded.payload, withdrawn = excluded.withdrawn",
        event.source(),
        event.sourceReference(),
        recordType,
        perpetratorId,
        event.eventId(),
        event.version().recordVersion(),
        event.recordedAt(),
        event.occurredAt(),
        event.area(),
        new Sql.Json(payload),
        withdrawal);
    return current.isPresent()
        ? new Stored(Outcome.REPLACED, Optional.of(current.get().payload()))
        : new Stored(Outcome.NEW, Optional.empty());
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
