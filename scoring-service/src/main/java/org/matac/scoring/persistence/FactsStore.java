package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.support.sql.Sql;

/** Scoring's copy of each profile as tracking last published it. */
@Singleton
public class FactsStore {

  private final Sql sql;

  public FactsStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Keeps {@code profileJson} if its version is newer than the stored one; answers whether it did.
   * A late, older snapshot changes nothing.
   */
  public boolean storeIfNewer(
      UUID perpetratorId, long version, String profileJson, Set<String> areas, Instant now) {
    String areaArray =
        areas.stream()
            .sorted()
            .map(area -> "\"" + area.replace("\"", "") + "\"")
            .collect(Collectors.joining(",", "{", "}"));
    return sql.update(
            "INSERT INTO perpetrator_facts (perpetrator_id, profile_version, profile, areas,"
                + " updated_at) VALUES (?, ?, ?, ?::text[], ?) ON CONFLICT (perpetrator_id)"
                + " DO UPDATE SET profile_version = excluded.profile_version,"
                + " profile = excluded.profile, areas = excluded.areas,"
                + " updated_at = excluded.updated_at"
                + " WHERE perpetrator_facts.profile_version < excluded.profile_version",
            perpetratorId,
            version,
            new Sql.Json(profileJson),
            areaArray,
            now)
        == 1;
  }

  /** A profile version to keep, and the areas of its incidents. */
  public record NewFacts(UUID perpetratorId, long version, String profileJson, Set<String> areas) {}

  /**
   * {@link #storeIfNewer} for many people in one statement, each at most once; answers those whose
   * facts it kept.
   */
  public Set<UUID> storeAllIfNewer(Collection<NewFacts> newFacts, Instant now) {
    Set<UUID> stored = new HashSet<>();
    sql.query(
        "INSERT INTO perpetrator_facts (perpetrator_id, profile_version, profile, areas,"
            + " updated_at) SELECT id, version, profile::jsonb,"
            + " array_remove(string_to_array(areas, chr(31)), ''), ?"
            + " FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[])"
            + " AS f(id, version, profile, areas) ON CONFLICT (perpetrator_id)"
            + " DO UPDATE SET profile_version = excluded.profile_version,"
            + " profile = excluded.profile, areas = excluded.areas,"
            + " updated_at = excluded.updated_at"
            + " WHERE perpetrator_facts.profile_version < excluded.profile_version"
            + " RETURNING perpetrator_id",
        row -> stored.add(row.getObject(1, UUID.class)),
        now,
        newFacts.stream().map(NewFacts::perpetratorId).toArray(UUID[]::new),
        newFacts.stream().map(facts -> Long.toString(facts.version())).toArray(String[]::new),
        newFacts.stream().map(NewFacts::profileJson).toArray(String[]::new),
        newFacts.stream()
            .map(facts -> String.join("\u001f", new TreeSet<>(facts.areas())))
            .toArray(String[]::new));
    return stored;
  }

  /** One person's stored facts. */
  public record StoredFacts(UUID perpetratorId, String profileJson) {}

  /** Who has had an incident in {@code area}, with the version of the facts stored for each. */
  public Map<UUID, Long> versionsInArea(String area) {
    Map<UUID, Long> versions = new HashMap<>();
    sql.query(
        "SELECT perpetrator_id, profile_version FROM facts_area WHERE area = ?",
        row -> versions.put(row.getObject(1, UUID.class), row.getLong(2)),
        area);
    return versions;
  }

  /** Stored facts with their versions, for the people named. */
  public record Versioned(UUID perpetratorId, long version, String profileJson) {}

  public List<Versioned> withVersions(Collection<UUID> perpetratorIds) {
    if (perpetratorIds.isEmpty()) {
      return List.of();
    }
    return sql.query(
        "SELECT perpetrator_id, profile_version, profile::text FROM perpetrator_facts"
            + " WHERE perpetrator_id = ANY(?)",
        row -> new Versioned(row.getObject(1, UUID.class), row.getLong(2), row.getString(3)),
        (Object) perpetratorIds.toArray(UUID[]::new));
  }

  public Optional<String> profile(UUID perpetratorId) {
    return sql.queryOne(
        "SELECT profile::text FROM perpetrator_facts WHERE perpetrator_id = ?",
        row -> row.getString(1),
        perpetratorId);
  }

  /**
   * The next page of facts in id order after {@code after} and before {@code before} (each
   * unbounded when empty).
   */
  public List<StoredFacts> page(Optional<UUID> after, Optional<UUID> before, int size) {
    return sql.query(
        "SELECT perpetrator_id, profile::text FROM perpetrator_facts"
            + " WHERE (?::uuid IS NULL OR perpetrator_id > ?)"
            + " AND (?::uuid IS NULL OR perpetrator_id < ?) ORDER BY perpetrator_id LIMIT ?",
        row -> new StoredFacts(row.getObject(1, UUID.class), row.getString(2)),
        after.orElse(null),
        after.orElse(null),
        before.orElse(null),
        before.orElse(null),
        size);
  }

  /** Every area the person has had an incident in. */
  public List<String> areasOf(UUID perpetratorId) {
    return sql.queryOne(
            "SELECT areas FROM perpetrator_facts WHERE perpetrator_id = ?",
            row -> List.of((String[]) row.getArray(1).getArray()),
            perpetratorId)
        .orElse(List.of());
  }

  public void delete(UUID perpetratorId) {
    sql.update("DELETE FROM perpetrator_facts WHERE perpetrator_id = ?", perpetratorId);
  }
}
