package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.events.intake.EventType;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.PartnerEvent;
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
  private Optional<Current> current(PartnerEvent event) {
    sql.query(
        "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> 1, lockOf(keyOf(event)));
    return sql.queryOne(
        "SELECT "
            + CURRENT_COLUMNS
            + " FROM partner_record WHERE source = ? AND source_reference = ? AND type = ?"
            + " FOR UPDATE",
        PartnerRecordStore::currentOf,
        event.source(),
        event.sourceReference(),
        event.recordType());
  }

  private static final String CURRENT_COLUMNS =
      "record_version, recorded_at, event_id, payload::text AS payload, perpetrator_id,"
          + " source_person_id, pnc_id, withdrawn";

  private static Current currentOf(ResultSet row) throws SQLException {
    return new Current(
        new RecordVersion(
            row.getInt("record_version"),
            Sql.instant(row, "recorded_at"),
            row.getObject("event_id", UUID.class)),
        row.getString("payload"),
        row.getObject("perpetrator_id", UUID.class),
        row.getString("source_person_id"),
        row.getString("pnc_id"),
        row.getBoolean("withdrawn"));
  }

  /** The advisory lock of a record key: the same whether taken for one event or a poll. */
  private static String lockOf(String key) {
    return "R|" + key;
  }

  /** Keeps each of {@code events} among its record's versions, current or not, in one batch. */
  /**
   * The agencies whose current, not withdrawn, assignments name {@code workerId}: the worker's own
   * agency, since an assignment is accepted only from it.
   */
  public Set<String> agenciesThatAssigned(String workerId) {
    return Set.copyOf(
        sql.query(
            "SELECT DISTINCT source FROM partner_record WHERE type = 'SAFETY_WORKER_ASSIGNED'"
                + " AND payload ->> 'workerId' = ? AND NOT withdrawn",
            row -> row.getString(1),
            workerId));
  }

  public void storeVersions(List<PartnerEvent> events) {
    sql.batch(
        "INSERT INTO record_version (source, source_reference, type, event_id, record_version,"
            + " recorded_at, occurred_at, area, payload, withdrawn)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        events.stream()
            .map(
                event ->
                    new Object[] {
                      event.source(),
                      event.sourceReference(),
                      event.recordType(),
                      event.eventId(),
                      event.version().recordVersion(),
                      event.recordedAt(),
                      event.occurredAt(),
                      event.area(),
                      new Sql.Json(withoutVictimContacts(event)),
                      isWithdrawal(event)
                    })
            .toList());
  }

  /**
   * The current versions of a poll's records, read ahead with their keys locked (in key order, so
   * that two consumers cannot deadlock on them) and kept up to date as the poll makes new versions
   * current. Once a regrouping may have moved records between people, it reads each record again.
   */
  public final class Currents {
    private final Map<String, Optional<Current>> byKey;
    private boolean trusted = true;

    private Currents(Map<String, Optional<Current>> byKey) {
      this.byKey = byKey;
    }

    /** The record's current version, locked for the rest of the transaction. */
    public Optional<Current> of(PartnerEvent event) {
      Optional<Current> known = trusted ? byKey.get(keyOf(event)) : null;
      return known != null ? known : current(event);
    }

    /** Records moved between people: what was read ahead may name the wrong person now. */
    public void forget() {
      trusted = false;
    }

    private void made(PartnerEvent event, Current current) {
      if (trusted) {
        byKey.put(keyOf(event), Optional.of(current));
      }
    }
  }

  /** Locks the records of {@code events} and reads their current versions ahead. */
  public Currents lockCurrents(List<PartnerEvent> events) {
    List<String> keys = events.stream().map(PartnerRecordStore::keyOf).distinct().sorted().toList();
    Map<String, Optional<Current>> byKey = new HashMap<>();
    if (keys.isEmpty()) {
      return new Currents(byKey);
    }
    sql.query(
        "SELECT pg_advisory_xact_lock(hashtextextended(k, 0))"
            + " FROM (SELECT k FROM unnest(?::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n) ordered",
        row -> 1,
        (Object) keys.stream().map(PartnerRecordStore::lockOf).toArray(String[]::new));
    keys.forEach(key -> byKey.put(key, Optional.empty()));
    // One event per record is enough to name it.
    Map<String, PartnerEvent> distinct = new HashMap<>();
    events.forEach(event -> distinct.putIfAbsent(keyOf(event), event));
    sql.query(
        "SELECT r.source, r.source_reference, r.type, "
            + CURRENT_COLUMNS
            + " FROM partner_record r JOIN unnest(?::text[], ?::text[], ?::text[])"
            + " AS k(source, source_reference, type) ON r.source = k.source"
            + " AND r.source_reference = k.source_reference AND r.type = k.type FOR UPDATE OF r",
        row ->
            byKey.put(
                row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3),
                Optional.of(currentOf(row))),
        distinct.values().stream().map(PartnerEvent::source).toArray(String[]::new),
        distinct.values().stream().map(PartnerEvent::sourceReference).toArray(String[]::new),
        distinct.values().stream().map(PartnerEvent::recordType).toArray(String[]::new));
    return new Currents(byKey);
  }

  private static String keyOf(PartnerEvent event) {
    return event.source() + "|" + event.sourceReference() + "|" + event.recordType();
  }

  /** Makes {@code event}, newer than {@code replaced}, the record's current version. */
  public Stored makeCurrent(
      PartnerEvent event, UUID perpetratorId, Optional<Current> replaced, Currents currents) {
    String payload = withoutVictimContacts(event);
    String pncId = event.perpetrator().pncId().map(Object::toString).orElse(null);
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
        new Sql.Json(payload),
        isWithdrawal(event),
        event.perpetrator().sourcePersonId(),
        pncId);
    currents.made(
        event,
        new Current(
            event.version(),
            payload,
            perpetratorId,
            event.perpetrator().sourcePersonId(),
            pncId,
            isWithdrawal(event)));
    return replaced.isPresent()
        ? new Stored(Outcome.REPLACED, Optional.of(replaced.get().payload()))
        : new Stored(Outcome.NEW, Optional.empty());
  }

  private static boolean isWithdrawal(PartnerEvent event) {
    return event.type() == EventType.RECORD_WITHDRAWN;
  }

  /** Contact details are kept only in victim_contact, never beside the perpetrator's record. */
  private static String withoutVictimContacts(PartnerEvent event) {
    return event.payload().keptJson(event.type() == EventType.INCIDENT_REPORTED);
  }
}
