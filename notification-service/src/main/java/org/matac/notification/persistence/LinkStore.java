package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.notification.domain.CaseloadEntry;
import org.matac.notification.domain.Flags;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.domain.ProfileSnapshot;
import org.matac.notification.domain.VictimKey;
import org.matac.notification.domain.WorkerPreferences;
import org.matac.support.sql.Sql;

/** Worker-to-victim links, victim-to-perpetrator links, and what a notice needs of a person. */
@Singleton
public class LinkStore {

  private final Sql sql;

  public LinkStore(Sql sql) {
    this.sql = sql;
  }

  public void linkWorker(
      String workerId, VictimKey victim, String workerAgency, Instant assignedAt) {
    sql.update(
        "INSERT INTO worker_victim_link (worker_id, victim_source, victim_ref, worker_agency,"
            + " assigned_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (worker_id, victim_source, victim_ref) DO UPDATE SET"
            + " worker_agency = excluded.worker_agency",
        workerId,
        victim.source(),
        victim.victimRef(),
        workerAgency,
        assignedAt);
  }

  public void unlinkWorker(String workerId, VictimKey victim) {
    sql.update(
        "DELETE FROM worker_victim_link WHERE worker_id = ? AND victim_source = ?"
            + " AND victim_ref = ?",
        workerId,
        victim.source(),
        victim.victimRef());
  }

  public Set<VictimKey> victimsOf(UUID perpetratorId) {
    return new HashSet<>(
        sql.query(
            "SELECT victim_source, victim_ref FROM perpetrator_victim WHERE perpetrator_id = ?",
            row -> new VictimKey(row.getString(1), row.getString(2)),
            perpetratorId));
  }

  public void linkVictims(UUID perpetratorId, Set<VictimKey> victims) {
    for (VictimKey victim : victims) {
      sql.update(
          "INSERT INTO perpetrator_victim (perpetrator_id, victim_source, victim_ref)"
              + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          perpetratorId,
          victim.source(),
          victim.victimRef());
    }
  }

  /**
   * Unlinks the victims no current incident of the person names any more, of those {@code linked}
   * to them before.
   */
  public void keepOnlyVictims(UUID perpetratorId, Set<VictimKey> linked, Set<VictimKey> victims) {
    for (VictimKey victim : linked) {
      if (!victims.contains(victim)) {
        sql.update(
            "DELETE FROM perpetrator_victim WHERE perpetrator_id = ? AND victim_source = ?"
                + " AND victim_ref = ?",
            perpetratorId,
            victim.source(),
            victim.victimRef());
      }
    }
  }

  public void forgetPerpetrator(UUID perpetratorId) {
    sql.update("DELETE FROM perpetrator_victim WHERE perpetrator_id = ?", perpetratorId);
    sql.update("DELETE FROM perpetrator_summary WHERE perpetrator_id = ?", perpetratorId);
  }

  /** The workers linked to any victim of the perpetrator: they are linked to the perpetrator. */
  public List<String> workersLinkedTo(UUID perpetratorId) {
    return sql.query(
        "SELECT DISTINCT link.worker_id FROM worker_victim_link link"
            + " JOIN perpetrator_victim pv ON pv.victim_source = link.victim_source"
            + " AND pv.victim_ref = link.victim_ref WHERE pv.perpetrator_id = ?",
        row -> row.getString(1),
        perpetratorId);
  }

  private static final String STORE_SUMMARY_IF_NEWER =
      "INSERT INTO perpetrator_summary (perpetrator_id, given_name, family_name,"
          + " profile_version) VALUES (?, ?, ?, ?) ON CONFLICT (perpetrator_id) DO UPDATE"
          + " SET given_name = excluded.given_name, family_name = excluded.family_name,"
          + " profile_version = excluded.profile_version"
          + " WHERE perpetrator_summary.profile_version < excluded.profile_version";

  /** Keeps the name from the newest profile version; answers false for an older one. */
  public boolean storeSummaryIfNewer(ProfileSnapshot snapshot) {
    return sql.update(
            STORE_SUMMARY_IF_NEWER,
            snapshot.perpetratorId(),
            snapshot.givenName(),
            snapshot.familyName(),
            snapshot.version())
        == 1;
  }

  /** {@link #storeSummaryIfNewer} for many people, each once, in one batch. */
  public void storeSummaries(Collection<ProfileSnapshot> summaries) {
    sql.batch(
        STORE_SUMMARY_IF_NEWER,
        summaries.stream()
            .map(
                summary ->
                    new Object[] {
                      summary.perpetratorId(),
                      summary.givenName(),
                      summary.familyName(),
                      summary.version()
                    })
            .toList());
  }

  /** The profile version whose name is kept, for those of {@code people} known here. */
  public Map<UUID, Long> summaryVersionsOf(Collection<UUID> people) {
    Map<UUID, Long> versions = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, profile_version FROM perpetrator_summary"
            + " WHERE perpetrator_id = ANY(?)",
        row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)),
        (Object) people.toArray(UUID[]::new));
    return versions;
  }

  /** {@link #victimsOf} for many people in one query. */
  public Map<UUID, Set<VictimKey>> victimsOfAll(Collection<UUID> people) {
    Map<UUID, Set<VictimKey>> victims = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, victim_source, victim_ref FROM perpetrator_victim"
            + " WHERE perpetrator_id = ANY(?)",
        row ->
            victims
                .computeIfAbsent(row.getObject(1, UUID.class), id -> new HashSet<>())
                .add(new VictimKey(row.getString(2), row.getString(3))),
        (Object) people.toArray(UUID[]::new));
    return victims;
  }

  /** Links each person to exactly the victims {@code after} names, from those {@code before}. */
  public void relinkVictims(Map<UUID, Set<VictimKey>> before, Map<UUID, Set<VictimKey>> after) {
    List<Object[]> added = new ArrayList<>();
    List<Object[]> removed = new ArrayList<>();
    after.forEach(
        (id, victims) -> {
          Set<VictimKey> was = before.getOrDefault(id, Set.of());
          victims.stream()
              .filter(victim -> !was.contains(victim))
              .forEach(victim -> added.add(new Object[] {id, victim.source(), victim.victimRef()}));
          was.stream()
              .filter(victim -> !victims.contains(victim))
              .forEach(
                  victim -> removed.add(new Object[] {id, victim.source(), victim.victimRef()}));
        });
    sql.batch(
        "INSERT INTO perpetrator_victim (perpetrator_id, victim_source, victim_ref)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        added);
    sql.batch(
        "DELETE FROM perpetrator_victim WHERE perpetrator_id = ? AND victim_source = ?"
            + " AND victim_ref = ?",
        removed);
  }

  /** Those of {@code people} a worker is linked to now, through a victim already theirs. */
  public Set<UUID> peopleWithWorkers(Collection<UUID> people) {
    Set<UUID> watched = new HashSet<>();
    if (people.isEmpty()) {
      return watched;
    }
    sql.query(
        "SELECT DISTINCT pv.perpetrator_id FROM perpetrator_victim pv"
            + " JOIN worker_victim_link link ON link.victim_source = pv.victim_source"
            + " AND link.victim_ref = pv.victim_ref WHERE pv.perpetrator_id = ANY(?)",
        row -> watched.add(row.getObject(1, UUID.class)),
        (Object) people.toArray(UUID[]::new));
    return watched;
  }

  /**
   * Those of the people a worker is linked to now, or will be once linked to the victims named for
   * them: through a victim already theirs, or through one of {@code victimsNamed}.
   */
  public Set<UUID> peopleWithWorkersAmong(Map<UUID, Set<VictimKey>> victimsNamed) {
    Set<UUID> watched = peopleWithWorkers(victimsNamed.keySet());
    if (victimsNamed.isEmpty()) {
      return watched;
    }
    List<VictimKey> named = victimsNamed.values().stream().flatMap(Set::stream).distinct().toList();
    Set<VictimKey> withWorkers = new HashSet<>();
    sql.query(
        "SELECT DISTINCT link.victim_source, link.victim_ref FROM worker_victim_link link"
            + " JOIN unnest(?::text[], ?::text[]) AS v(source, ref)"
            + " ON link.victim_source = v.source AND link.victim_ref = v.ref",
        row -> withWorkers.add(new VictimKey(row.getString(1), row.getString(2))),
        named.stream().map(VictimKey::source).toArray(String[]::new),
        named.stream().map(VictimKey::victimRef).toArray(String[]::new));
    victimsNamed.forEach(
        (id, victims) -> {
          if (victims.stream().anyMatch(withWorkers::contains)) {
            watched.add(id);
          }
        });
    return watched;
  }

  /** The person as last named here; unnamed until a profile of theirs arrives. */
  public NotificationRules.Perpetrator perpetrator(UUID perpetratorId) {
    return sql.queryOne(
            "SELECT given_name, family_name FROM perpetrator_summary WHERE perpetrator_id = ?",
            row ->
                new NotificationRules.Perpetrator(
                    perpetratorId.toString(), row.getString(1), row.getString(2)),
            perpetratorId)
        .orElse(new NotificationRules.Perpetrator(perpetratorId.toString(), null, null));
  }

  /** Records the flags scoring last published; answers the previous ones. */
  public Flags swapFlags(UUID perpetratorId, Flags flags) {
    Flags previous =
        sql.queryOne(
                "SELECT serial, escalating FROM perpetrator_flags WHERE perpetrator_id = ?"
                    + " FOR UPDATE",
                row -> new Flags(row.getBoolean(1), row.getBoolean(2)),
                perpetratorId)
            .orElse(Flags.NONE);
    sql.update(STORE_FLAGS, perpetratorId, flags.serial(), flags.escalating());
    return previous;
  }

  private static final String STORE_FLAGS =
      "INSERT INTO perpetrator_flags (perpetrator_id, serial, escalating)"
          + " VALUES (?, ?, ?) ON CONFLICT (perpetrator_id) DO UPDATE SET"
          + " serial = excluded.serial, escalating = excluded.escalating";

  /** Records the flags scoring last published for each person, in one batch. */
  public void storeFlags(Map<UUID, Flags> flags) {
    List<Object[]> rows = new ArrayList<>();
    flags.forEach((id, set) -> rows.add(new Object[] {id, set.serial(), set.escalating()}));
    sql.batch(STORE_FLAGS, rows);
  }

  /** The agency partners named for the worker most recently. */
  public Optional<String> agencyOf(String workerId) {
    return sql.queryOne(
        "SELECT worker_agency FROM worker_victim_link WHERE worker_id = ?"
            + " ORDER BY assigned_at DESC LIMIT 1",
        row -> row.getString(1),
        workerId);
  }

  public WorkerPreferences preferencesOf(String workerId) {
    return sql.queryOne(
            "SELECT email_enabled, webhook_enabled, quiet_from, quiet_until, time_zone"
                + " FROM worker_preference WHERE worker_id = ?",
            row ->
                new WorkerPreferences(
                    row.getBoolean(1),
                    row.getBoolean(2),
                    row.getObject(3, LocalTime.class),
                    row.getObject(4, LocalTime.class),
                    row.getString(5)),
            workerId)
        .orElse(WorkerPreferences.DEFAULT);
  }

  public void savePreferences(String workerId, WorkerPreferences preferences, Instant now) {
    sql.update(
        "INSERT INTO worker_preference (worker_id, email_enabled, webhook_enabled, quiet_from,"
            + " quiet_until, time_zone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (worker_id) DO UPDATE SET email_enabled = excluded.email_enabled,"
            + " webhook_enabled = excluded.webhook_enabled, quiet_from = excluded.quiet_from,"
            + " quiet_until = excluded.quiet_until, time_zone = excluded.time_zone,"
            + " updated_at = excluded.updated_at",
        workerId,
        preferences.emailEnabled(),
        preferences.webhookEnabled(),
        preferences.quietFrom(),
        preferences.quietUntil(),
        preferences.timeZone(),
        now);
  }

  /** The worker's own victims: the only victim references a worker is ever shown. */
  public List<CaseloadEntry> caseloadOf(String workerId) {
    return sql.query(
        "SELECT link.victim_source, link.victim_ref, link.assigned_at,"
            + " COALESCE(array_agg(pv.perpetrator_id ORDER BY pv.perpetrator_id)"
            + " FILTER (WHERE pv.perpetrator_id IS NOT NULL), '{}') AS perpetrators"
            + " FROM worker_victim_link link LEFT JOIN perpetrator_victim pv"
            + " ON pv.victim_source = link.victim_source AND pv.victim_ref = link.victim_ref"
            + " WHERE link.worker_id = ?"
            + " GROUP BY link.victim_source, link.victim_ref, link.assigned_at"
            + " ORDER BY link.assigned_at, link.victim_source, link.victim_ref",
        row ->
            new CaseloadEntry(
                row.getString(1),
                row.getString(2),
                Sql.instant(row, "assigned_at"),
                List.of((UUID[]) row.getArray("perpetrators").getArray())),
        workerId);
  }
}
