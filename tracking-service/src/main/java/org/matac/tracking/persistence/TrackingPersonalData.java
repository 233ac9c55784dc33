package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.support.retention.PersonalDataEraser;
import org.matac.support.sql.Sql;

/**
 * Everything tracking holds about a disposed person: the events as received, every version of their
 * records, identifiers and hand-made links, referrals, retention decisions, the profile rows, and
 * the victims no remaining record names. Only the event ids stay, so that the same events sent
 * again are recognised and not stored.
 */
@Singleton
public class TrackingPersonalData implements PersonalDataEraser {

  private static final String RECORDS_OF_GROUP =
      "SELECT source, source_reference, type FROM partner_record WHERE perpetrator_id = ANY(?)";

  private final Sql sql;

  public TrackingPersonalData(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void erase(List<UUID> perpetratorIds, Instant erasedAt) {
    UUID[] ids = perpetratorIds.toArray(UUID[]::new);
    List<UUID> events =
        sql.query(
            "SELECT v.event_id FROM record_version v WHERE (v.source, v.source_reference, v.type)"
                + " IN ("
                + RECORDS_OF_GROUP
                + ")",
            row -> row.getObject(1, UUID.class),
            (Object) ids);
    UUID[] eventIds = events.toArray(UUID[]::new);
    List<String[]> victims =
        sql.query(
            "SELECT DISTINCT v.source, victim->>'victimRef' FROM record_version v,"
                + " jsonb_array_elements(v.payload->'victims') victim"
                + " WHERE v.type = 'INCIDENT_REPORTED' AND (v.source, v.source_reference, v.type)"
                + " IN ("
                + RECORDS_OF_GROUP
                + ")",
            row -> new String[] {row.getString(1), row.getString(2)},
            (Object) ids);
    sql.update(
        "INSERT INTO disposed_event (event_id, disposed_at) SELECT unnest(?::uuid[]), ?"
            + " ON CONFLICT DO NOTHING",
        eventIds,
        erasedAt);
    sql.update(
        "WITH group_nodes(node) AS (SELECT 'S|' || source || '|' || source_person_id"
            + " FROM person_identifier WHERE perpetrator_id = ANY(?)"
            + " UNION SELECT 'P|' || pnc_id FROM pnc_identifier WHERE perpetrator_id = ANY(?))"
            + " DELETE FROM identity_link WHERE from_node IN (SELECT node FROM group_nodes)"
            + " OR to_node IN (SELECT node FROM group_nodes)",
        ids,
        ids);
    sql.update(
        "DELETE FROM record_version WHERE (source, source_reference, type) IN ("
            + RECORDS_OF_GROUP
            + ")",
        (Object) ids);
    sql.update("DELETE FROM referral WHERE perpetrator_id = ANY(?)", (Object) ids);
    sql.update("DELETE FROM retention_decision WHERE perpetrator_id = ANY(?)", (Object) ids);
    sql.update("DELETE FROM person_identifier WHERE perpetrator_id = ANY(?)", (Object) ids);
    // An identifier that began in a disposed profile but belongs to someone else now stays home.
    sql.update(
        "UPDATE person_identifier SET first_perpetrator_id = perpetrator_id"
            + " WHERE first_perpetrator_id = ANY(?)",
        (Object) ids);
    sql.update("DELETE FROM pnc_identifier WHERE perpetrator_id = ANY(?)", (Object) ids);
    sql.update("DELETE FROM partner_record WHERE perpetrator_id = ANY(?)", (Object) ids);
    sql.update("DELETE FROM intake_event WHERE event_id = ANY(?)", (Object) eventIds);
    sql.update("UPDATE perpetrator SET merged_into = NULL WHERE id = ANY(?)", (Object) ids);
    sql.update("DELETE FROM perpetrator WHERE id = ANY(?)", (Object) ids);
    for (String[] victim : victims) {
      eraseVictimIfUnnamed(victim[0], victim[1]);
    }
  }

  /** A victim stays while any other person's record still names them. */
  private void eraseVictimIfUnnamed(String source, String victimRef) {
    String unnamed =
        " WHERE source = ? AND victim_ref = ? AND NOT EXISTS (SELECT 1 FROM record_version v"
            + " WHERE v.source = ? AND v.type = 'INCIDENT_REPORTED' AND v.payload->'victims'"
            + " @> jsonb_build_array(jsonb_build_object('victimRef', ?::text)))";
    sql.update("DELETE FROM victim_contact" + unnamed, source, victimRef, source, victimRef);
    sql.update("DELETE FROM victim" + unnamed, source, victimRef, source, victimRef);
  }
}
