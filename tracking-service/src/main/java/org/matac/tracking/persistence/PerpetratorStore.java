package org.matac.tracking.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.ProfileAccess;
import org.matac.tracking.domain.SearchCriteria;

/** Perpetrators, the identifiers that resolve to them, and the profile built from their records. */
@Singleton
public class PerpetratorStore {

  private final Sql sql;
  private final ObjectMapper json;

  public PerpetratorStore(Sql sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  public Optional<UUID> findBySourceIdentity(String source, String sourcePersonId) {
    return sql.queryOne(
        "SELECT perpetrator_id FROM person_identifier WHERE source = ? AND source_person_id = ?",
        row -> row.getObject(1, UUID.class),
        source,
        sourcePersonId);
  }

  /**
   * Takes each of name and date of birth from the counting current record with the greatest {@code
   * (recordedAt, eventId)} that carries it, as the contract says for dates of birth; answers true
   * when they changed. A withdrawn or corrected record's details no longer count.
   */
  public boolean refreshPersonalDetails(UUID id) {
    // Each detail from the latest current record that has it, all three in one pass over the
    // person's records: three correlated subqueries cost more to plan than to run.
    String latest =
        "(array_agg(e.body->'perpetrator'->>'%1$s' ORDER BY r.recorded_at DESC, r.event_id DESC)"
            + " FILTER (WHERE e.body->'perpetrator'->>'%1$s' IS NOT NULL))[1]";
    return sql.update(
            "UPDATE perpetrator p SET given_name = d.given_name, family_name = d.family_name,"
                + " date_of_birth = d.date_of_birth FROM (SELECT "
                + latest.formatted("givenName")
                + " AS given_name, "
                + latest.formatted("familyName")
                + " AS family_name, ("
                + latest.formatted("dateOfBirth")
                + ")::date AS date_of_birth FROM partner_record r JOIN intake_event e"
                + " ON e.event_id = r.event_id WHERE r.perpetrator_id = ? AND NOT r.withdrawn) d"
                + " WHERE p.id = ? AND (p.given_name, p.family_name, p.date_of_birth)"
                + " IS DISTINCT FROM (d.given_name, d.family_name, d.date_of_birth)",
            id,
            id)
        == 1;
  }

  /** Who a living profile is: what a list shows beside an id. */
  public record Identity(UUID id, String givenName, String familyName, LocalDate dateOfBirth) {}

  public Map<UUID, Identity> identities(Collection<UUID> ids) {
    Map<UUID, Identity> found = new HashMap<>();
    sql.query(
            "SELECT id, given_name, family_name, date_of_birth FROM perpetrator WHERE id = ANY (?)",
            row ->
                new Identity(
                    row.getObject(1, UUID.class),
                    row.getString(2),
                    row.getString(3),
                    row.getObject(4, LocalDate.class)),
            (Object) ids.toArray(UUID[]::new))
        .forEach(identity -> found.put(identity.id(), identity));
    return found;
  }

  /**
   * Live profiles matching every criterion given: each name part starts a given or family name
   * (case-insensitive), the date of birth is equal, the PNC id is held, an incident is in the area.
   */
  public List<UUID> search(SearchCriteria criteria, int limit) {
    StringBuilder where = new StringBuilder("p.merged_into IS NULL");
    List<Object> parameters = new ArrayList<>();
    for (String part : criteria.nameParts()) {
      where.append(" AND (p.given_name ILIKE ? OR p.family_name ILIKE ?)");
      String pattern = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      parameters.add(pattern);
      parameters.add(pattern);
    }
    if (criteria.dateOfBirth() != null) {
      where.append(" AND p.date_of_birth = ?");
      parameters.add(criteria.dateOfBirth());
    }
    if (criteria.pncId() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM pnc_identifier i WHERE i.perpetrator_id = p.id AND i.pnc_id = ?)");
      parameters.add(criteria.pncId());
    }
    if (criteria.area() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM partner_record r WHERE r.perpetrator_id = p.id"
              + " AND r.type = 'INCIDENT_REPORTED' AND NOT r.withdrawn AND r.area = ?)");
      parameters.add(criteria.area());
    }
    parameters.add(limit);
    return sql.query(
        "SELECT p.id FROM perpetrator p WHERE "
            + where
            + " ORDER BY p.family_name, p.given_name, p.id LIMIT ?",
        row -> row.getObject(1, UUID.class),
        parameters.toArray());
  }

  /**
   * The id a profile lives at now: an id merged away leads, through every later merge, to the
   * profile it was folded into. Empty when there is no such profile.
   */
  public Optional<UUID> livingId(UUID id) {
    UUID current = id;
    for (int hops = 0; hops < 16; hops++) {
      Optional<UUID> survivor = mergedInto(current);
      if (survivor.isEmpty()) {
        break;
      }
      current = survivor.get();
    }
    return exists(current) ? Optional.of(current) : Optional.empty();
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
  public ProfileAccess.Reach reachOf(UUID id, ProfileAccess.Needs needs) {
    return reachesOf(List.of(id), needs).get(id);
  }

  /**
   * The reach of several profiles, one query per part the reader's role needs (a list of names
   * reads them all at once); every id asked for has a reach, empty where nothing was found.
   */
  public Map<UUID, ProfileAccess.Reach> reachesOf(Collection<UUID> ids, ProfileAccess.Needs needs) {
    Object[] asked = {ids.toArray(UUID[]::new)};
    Map<UUID, Set<String>> areas = new HashMap<>();
    Map<UUID, Set<ProfileAccess.Queue>> queues = new HashMap<>();
    Map<UUID, Set<String>> workers = new HashMap<>();
    if (needs.incidentAreas()) {
      sql.query(
          "SELECT DISTINCT perpetrator_id, area FROM partner_record WHERE perpetrator_id = ANY (?)"
              + " AND type = 'INCIDENT_REPORTED' AND NOT withdrawn AND area IS NOT NULL",
          row -> collect(areas, row.getObject(1, UUID.class), row.getString(2)),
          asked);
    }
    if (needs.referralQueues()) {
      sql.query(
          "SELECT perpetrator_id, agency, area FROM referral WHERE perpetrator_id = ANY (?)",
          row ->
              collect(
                  queues,
                  row.getObject(1, UUID.class),
                  new ProfileAccess.Queue(row.getString(2), row.getString(3))),
          asked);
    }
    if (needs.assignedWorkers()) {
      // Workers currently assigned to any victim of these perpetrators' current incidents.
      sql.query(
          "SELECT DISTINCT incident.perpetrator_id, assignment.payload->>'workerId'"
              + " FROM partner_record assignment"
              + " JOIN partner_record incident ON incident.perpetrator_id = ANY (?)"
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
          row -> collect(workers, row.getObject(1, UUID.class), row.getString(2)),
          asked);
    }
    Map<UUID, ProfileAccess.Reach> reaches = new HashMap<>();
    for (UUID id : ids) {
      reaches.put(
          id,
          new ProfileAccess.Reach(
              areas.getOrDefault(id, Set.of()),
              queues.getOrDefault(id, Set.of()),
              workers.getOrDefault(id, Set.of())));
    }
    return reaches;
  }

  private static <T> boolean collect(Map<UUID, Set<T>> into, UUID id, T value) {
    return into.computeIfAbsent(id, key -> new HashSet<>()).add(value);
  }

  /** The agencies holding records of a profile: what a signpost may say of it. */
  public List<String> holdingAgencies(UUID id) {
    return sql.query(
        "SELECT DISTINCT source FROM person_identifier WHERE perpetrator_id = ? ORDER BY source",
        row -> row.getString(1),
        id);
  }

  /** The profile as tracking knows it now: identities, personal details and current incidents. */
  public ProfileChanged.Profile profile(UUID id) {
    return profiles(List.of(id)).get(id);
  }

  /**
   * The profiles of {@code ids} as tracking publishes them, with one query per part for all of
   * them: a poll that changed many people reads them together.
   */
  public Map<UUID, ProfileChanged.Profile> profiles(Collection<UUID> ids) {
    UUID[] people = ids.toArray(UUID[]::new);
    Map<UUID, List<ProfileChanged.SourceIdentity>> identities = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, source, source_person_id FROM person_identifier"
            + " WHERE perpetrator_id = ANY(?) ORDER BY perpetrator_id, source, source_person_id",
        row ->
            partOf(identities, row)
                .add(new ProfileChanged.SourceIdentity(row.getString(2), row.getString(3))),
        (Object) people);
    Map<UUID, List<String>> pncIds = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, pnc_id FROM pnc_identifier WHERE perpetrator_id = ANY(?)"
            + " ORDER BY perpetrator_id, pnc_id",
        row -> partOf(pncIds, row).add(row.getString(2)),
        (Object) people);
    Map<UUID, List<ProfileChanged.Incident>> incidents = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, source, source_reference, occurred_at, recorded_at, area,"
            + " payload::text FROM partner_record WHERE perpetrator_id = ANY(?)"
            + " AND type = 'INCIDENT_REPORTED' AND NOT withdrawn"
            + " ORDER BY perpetrator_id, occurred_at, source, source_reference",
        row ->
            partOf(incidents, row)
                .add(
                    incident(
                        row.getString(2),
                        row.getString(3),
                        Sql.instant(row, "occurred_at"),
                        Sql.instant(row, "recorded_at"),
                        row.getString(6),
                        row.getString(7))),
        (Object) people);
    Map<UUID, List<ProfileChanged.PartnerRecord>> records = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, type, source, source_reference, occurred_at, recorded_at, area,"
            + " payload::text AS payload FROM partner_record WHERE perpetrator_id = ANY(?)"
            + " AND NOT withdrawn AND type NOT IN ('INCIDENT_REPORTED', 'SAFETY_WORKER_ASSIGNED',"
            + " 'SAFETY_WORKER_UNASSIGNED')"
            + " ORDER BY perpetrator_id, occurred_at, type, source, source_reference",
        row ->
            partOf(records, row)
                .add(
                    new ProfileChanged.PartnerRecord(
                        row.getString("type"),
                        row.getString("source"),
                        row.getString("source_reference"),
                        Sql.instant(row, "occurred_at"),
                        Sql.instant(row, "recorded_at"),
                        row.getString("area"),
                        details(row.getString("payload")))),
        (Object) people);
    Map<UUID, List<ProfileChanged.Version>> versions = new HashMap<>();
    sql.query(
        "SELECT r.perpetrator_id, v.type, v.source, v.source_reference, v.record_version,"
            + " v.recorded_at, v.occurred_at, v.area, v.event_id, v.withdrawn, v.payload::text"
            + " AS payload FROM record_version v JOIN partner_record r ON r.source = v.source"
            + " AND r.source_reference = v.source_reference AND r.type = v.type"
            + " WHERE r.perpetrator_id = ANY(?)"
            + " AND v.type IN ('INCIDENT_REPORTED', 'JUSTICE_OUTCOME_RECORDED')"
            + " ORDER BY r.perpetrator_id, v.type, v.source, v.source_reference, v.recorded_at,"
            + " v.event_id",
        row -> partOf(versions, row).add(version(row)),
        (Object) people);
    Map<UUID, ProfileChanged.Profile> profiles = new HashMap<>();
    sql.query(
        "SELECT id, given_name, family_name, date_of_birth FROM perpetrator WHERE id = ANY(?)",
        row -> {
          UUID id = row.getObject(1, UUID.class);
          profiles.put(
              id,
              new ProfileChanged.Profile(
                  identities.getOrDefault(id, List.of()),
                  pncIds.getOrDefault(id, List.of()),
                  row.getString(2),
                  row.getString(3),
                  row.getObject(4, LocalDate.class),
                  incidents.getOrDefault(id, List.of()),
                  records.getOrDefault(id, List.of()),
                  versions.getOrDefault(id, List.of())));
          return id;
        },
        (Object) people);
    return everyOneOf(ids, profiles);
  }

  /** {@code found}, once sure it holds every one of {@code ids}: each must be a living profile. */
  private static <T> Map<UUID, T> everyOneOf(Collection<UUID> ids, Map<UUID, T> found) {
    for (UUID id : ids) {
      if (!found.containsKey(id)) {
        throw new IllegalStateException("No perpetrator " + id);
      }
    }
    return found;
  }

  /** The list of the person named in the row's first column, within one part of their profiles. */
  private static <T> List<T> partOf(Map<UUID, List<T>> part, ResultSet row) throws SQLException {
    return part.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>());
  }

  /**
   * Locks the profiles, in id order, and answers each one's next version number: one person's
   * changes are numbered without gaps in the order they commit.
   */
  public Map<UUID, Long> nextProfileVersions(Collection<UUID> ids, Instant now) {
    Map<UUID, Long> versions = new HashMap<>();
    sql.query(
        "UPDATE perpetrator SET profile_version = profile_version + 1, updated_at = ?"
            + " WHERE id IN (SELECT id FROM perpetrator WHERE id = ANY(?) ORDER BY id FOR UPDATE)"
            + " RETURNING id, profile_version",
        row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)),
        now,
        ids.toArray(UUID[]::new));
    return everyOneOf(ids, versions);
  }

  private ProfileChanged.Version version(ResultSet row) throws SQLException {
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

  private Map<String, Object> details(String payloadJson) {
    try {
      return json.readValue(payloadJson, new TypeReference<Map<String, Object>>() {});
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
