package org.matac.tracking.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.sql.Sql;

/** Perpetrators, the identifiers that resolve to them, and the profile built from their records. */
@Singleton
public class PerpetratorStore {

  private final Sql sql;
  private final ObjectMapper json;

  public PerpetratorStore(Sql sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  /**
   * Serialises every transaction that may create or join the people these identifiers name, so that
   * two first events about one person never create two profiles. Keys are locked in sorted order so
   * that two transactions cannot deadlock on them.
   */
  public void lockIdentifiers(String source, String sourcePersonId, Optional<String> pncId) {
    TreeSet<String> keys = new TreeSet<>();
    keys.add("person:" + source + ":" + sourcePersonId);
    pncId.ifPresent(pnc -> keys.add("pnc:" + pnc));
    for (String key : keys) {
      sql.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> 1, key);
    }
  }

  public Optional<UUID> findBySourceIdentity(String source, String sourcePersonId) {
    return sql.queryOne(
        "SELECT perpetrator_id FROM person_identifier WHERE source = ? AND source_person_id = ?",
        row -> row.getObject(1, UUID.class),
        source,
        sourcePersonId);
  }

  public Optional<UUID> findByPnc(String pncId) {
    return sql.queryOne(
        "SELECT perpetrator_id FROM pnc_identifier WHERE pnc_id = ?",
        row -> row.getObject(1, UUID.class),
        pncId);
  }

  public void create(UUID id, Instant now) {
    sql.update(
        "INSERT INTO perpetrator (id, created_at, updated_at) VALUES (?, ?, ?)", id, now, now);
  }

  /** Answers true when the identity was new to this perpetrator. */
  public boolean attachSourceIdentity(UUID id, String source, String sourcePersonId) {
    return sql.update(
            "INSERT INTO person_identifier (source, source_person_id, perpetrator_id)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            source,
            sourcePersonId,
            id)
        == 1;
  }

  public boolean attachPnc(UUID id, String pncId) {
    return sql.update(
            "INSERT INTO pnc_identifier (pnc_id, perpetrator_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING",
            pncId,
            id)
        == 1;
  }

  /**
   * Folds {@code absorbed} into {@code survivor}: every identifier and record moves, nothing is
   * deleted, and the absorbed profile points at the survivor so old links still resolve.
   */
  public void merge(UUID survivor, UUID absorbed, Instant now) {
    sql.update(
        "UPDATE person_identifier SET perpetrator_id = ? WHERE perpetrator_id = ?",
        survivor,
        absorbed);
    sql.update(
        "UPDATE pnc_identifier SET perpetrator_id = ? WHERE perpetrator_id = ?",
        survivor,
        absorbed);
    sql.update(
        "UPDATE partner_record SET perpetrator_id = ? WHERE perpetrator_id = ?",
        survivor,
        absorbed);
    sql.update(
        "UPDATE perpetrator SET merged_into = ?, updated_at = ? WHERE id = ?",
        survivor,
        now,
        absorbed);
  }

  /**
   * Locks the profile for the rest of the transaction and answers its next version number: one
   * person's changes are numbered without gaps in the order they commit.
   */
  public long nextProfileVersion(UUID id, Instant now) {
    return sql.queryOne(
            "UPDATE perpetrator SET profile_version = profile_version + 1, updated_at = ?"
                + " WHERE id = ? RETURNING profile_version",
            row -> row.getLong(1),
            now,
            id)
        .orElseThrow(() -> new IllegalStateException("No perpetrator " + id));
  }

  /**
   * Keeps the name and date of birth from the version with the greatest (recordedAt, eventId), as
   * the contract says; answers true when they changed.
   */
  public boolean updatePersonalDetails(
      UUID id,
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      Instant recordedAt,
      UUID eventId) {
    // Fixed-width text sorts as (recordedAt, eventId) does, so the database can compare it.
    String stamp =
        String.format("%019d.%09d|%s", recordedAt.getEpochSecond(), recordedAt.getNano(), eventId);
    return sql.update(
            "UPDATE perpetrator SET given_name = COALESCE(?, given_name),"
                + " family_name = COALESCE(?, family_name),"
                + " date_of_birth = COALESCE(?, date_of_birth), identity_stamp = ?"
                + " WHERE id = ? AND (identity_stamp IS NULL OR identity_stamp < ?)",
            givenName,
            familyName,
            dateOfBirth,
            stamp,
            id,
            stamp)
        == 1;
  }

  public Optional<UUID> mergedInto(UUID id) {
    return sql.queryOne(
        "SELECT merged_into FROM perpetrator WHERE id = ? AND merged_into IS NOT NULL",
        row -> row.getObject(1, UUID.class),
        id);
  }

  public boolean exists(UUID id) {
    return sql.queryOne("SELECT 1 FROM perpetrator WHERE id = ?", row -> 1, id).isPresent();
  }

  /**
   * Where a profile reaches: incident areas, referral queues and workers assigned to its victims.
   */
  public org.matac.tracking.domain.ProfileAccess.Reach reachOf(UUID id) {
    java.util.Set<String> areas =
        new java.util.HashSet<>(
            sql.query(
                "SELECT DISTINCT area FROM partner_record WHERE perpetrator_id = ?"
                    + " AND type = 'INCIDENT_REPORTED' AND NOT withdrawn AND area IS NOT NULL",
                row -> row.getString(1),
                id));
    java.util.Set<org.matac.tracking.domain.ProfileAccess.Queue> queues =
        new java.util.HashSet<>(
            sql.query(
                "SELECT agency, area FROM referral WHERE perpetrator_id = ?",
                row ->
                    new org.matac.tracking.domain.ProfileAccess.Queue(
                        row.getString(1), row.getString(2)),
                id));
    // Workers currently assigned to any victim of this perpetrator's current incidents.
    java.util.Set<String> workers =
        new java.util.HashSet<>(
            sql.query(
                "SELECT DISTINCT assignment.payload->>'workerId' FROM partner_record assignment"
                    + " JOIN partner_record incident ON incident.perpetrator_id = ?"
                    + " AND incident.type = 'INCIDENT_REPORTED' AND NOT incident.withdrawn"
                    + " CROSS JOIN LATERAL jsonb_array_elements(incident.payload->'victims') victim"
                    + " WHERE assignment.type = 'SAFETY_WORKER_ASSIGNED' AND NOT assignment.withdrawn"
                    + " AND assignment.payload->>'victimRef' = victim->>'victimRef'"
                    + " AND COALESCE(assignment.payload->>'victimSource', assignment.source)"
                    + " = incident.source"
                    + " AND NOT EXISTS (SELECT 1 FROM partner_record ended"
                    + " WHERE ended.type = 'SAFETY_WORKER_UNASSIGNED' AND NOT ended.withdrawn"
                    + " AND ended.payload->>'workerId' = assignment.payload->>'workerId'"
                    + " AND ended.payload->>'victimRef' = assignment.payload->>'victimRef'"
                    + " AND ended.occurred_at >= assignment.occurred_at)",
                row -> row.getString(1),
                id));
    return new org.matac.tracking.domain.ProfileAccess.Reach(areas, queues, workers);
  }

  /** The agencies holding records of a profile: what a signpost may say of it. */
  public java.util.List<String> holdingAgencies(UUID id) {
    return sql.query(
        "SELECT DISTINCT source FROM person_identifier WHERE perpetrator_id = ? ORDER BY source",
        row -> row.getString(1),
        id);
  }

  /** The profile as tracking knows it now: identities, personal details and current incidents. */
  public ProfileChanged.Profile profile(UUID id) {
    List<ProfileChanged.SourceIdentity> identities =
        sql.query(
            "SELECT source, source_person_id FROM person_identifier WHERE perpetrator_id = ?"
                + " ORDER BY source, source_person_id",
            row -> new ProfileChanged.SourceIdentity(row.getString(1), row.getString(2)),
            id);
    List<String> pncIds =
        sql.query(
            "SELECT pnc_id FROM pnc_identifier WHERE perpetrator_id = ? ORDER BY pnc_id",
            row -> row.getString(1),
            id);
    List<ProfileChanged.Incident> incidents =
        sql.query(
            "SELECT source, source_reference, occurred_at, recorded_at, area, payload::text"
                + " FROM partner_record WHERE perpetrator_id = ? AND type = 'INCIDENT_REPORTED'"
                + " AND NOT withdrawn"
                + " ORDER BY occurred_at, source, source_reference",
            row ->
                incident(
                    row.getString(1),
                    row.getString(2),
                    Sql.instant(row, "occurred_at"),
                    Sql.instant(row, "recorded_at"),
                    row.getString(5),
                    row.getString(6)),
            id);
    List<ProfileChanged.PartnerRecord> records =
        sql.query(
            "SELECT type, source, source_reference, occurred_at, recorded_at, area, payload::text"
                + " FROM partner_record WHERE perpetrator_id = ? AND NOT withdrawn"
                + " AND type NOT IN ('INCIDENT_REPORTED', 'SAFETY_WORKER_ASSIGNED',"
                + " 'SAFETY_WORKER_UNASSIGNED')"
                + " ORDER BY occurred_at, type, source, source_reference",
            row ->
                new ProfileChanged.PartnerRecord(
                    row.getString("type"),
                    row.getString("source"),
                    row.getString("source_reference"),
                    Sql.instant(row, "occurred_at"),
                    Sql.instant(row, "recorded_at"),
                    row.getString("area"),
                    details(row.getString("payload"))),
            id);
    List<ProfileChanged.Version> versions =
        sql.query(
            "SELECT v.type, v.source, v.source_reference, v.record_version, v.recorded_at,"
                + " v.occurred_at, v.area, v.event_id, v.withdrawn, v.payload::text"
                + " FROM record_version v JOIN partner_record r ON r.source = v.source"
                + " AND r.source_reference = v.source_reference AND r.type = v.type"
                + " WHERE r.perpetrator_id = ?"
                + " AND v.type IN ('INCIDENT_REPORTED', 'JUSTICE_OUTCOME_RECORDED')"
                + " ORDER BY v.type, v.source, v.source_reference, v.recorded_at, v.event_id",
            row -> version(row),
            id);
    return sql.queryOne(
            "SELECT given_name, family_name, date_of_birth FROM perpetrator WHERE id = ?",
            row ->
                new ProfileChanged.Profile(
                    identities,
                    pncIds,
                    row.getString(1),
                    row.getString(2),
                    row.getObject(3, LocalDate.class),
                    incidents,
                    records,
                    versions),
            id)
        .orElseThrow(() -> new IllegalStateException("No perpetrator " + id));
  }

  private ProfileChanged.Version version(java.sql.ResultSet row) throws java.sql.SQLException {
    String type = row.getString("type");
    boolean withdrawal = row.getBoolean("withdrawn");
    String payload = row.getString("payload");
    boolean incident = !withdrawal && type.equals("INCIDENT_REPORTED");
    return new ProfileChanged.Version(
        type,
        row.getString("source"),
        row.getString("source_reference"),
        row.getInt("record_version"),
        Sql.instant(row, "recorded_at"),
        row.getObject("event_id", UUID.class),
        withdrawal,
        incident
            ? incident(
                row.getString("source"),
                row.getString("source_reference"),
                Sql.instant(row, "occurred_at"),
                Sql.instant(row, "recorded_at"),
                row.getString("area"),
                payload)
            : null,
        withdrawal || incident ? null : details(payload));
  }

  private java.util.Map<String, Object> details(String payloadJson) {
    try {
      return json.readValue(
          payloadJson,
          new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProfileChanged.Incident incident(
      String source,
      String sourceReference,
      Instant occurredAt,
      Instant recordedAt,
      String area,
      String payloadJson) {
    JsonNode payload;
    try {
      payload = json.readTree(payloadJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> categories = new ArrayList<>();
    payload.path("offences").forEach(offence -> categories.add(offence.path("category").asText()));
    List<ProfileChanged.VictimLink> victims = new ArrayList<>();
    payload
        .path("victims")
        .forEach(
            victim ->
                victims.add(
                    new ProfileChanged.VictimLink(
                        source,
                        victim.path("victimRef").asText(),
                        victim.path("relationship").asText())));
    return new ProfileChanged.Incident(
        source,
        payload.path("incidentRef").asText(),
        sourceReference,
        occurredAt,
        recordedAt,
        area,
        payload.path("crimed").asBoolean(),
        categories,
        victims,
        payload.path("childrenPresent").asBoolean(false),
        payload.path("dashRisk").asText(null));
  }
}
