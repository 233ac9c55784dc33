package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
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
  public boolean storeIfNewer(UUID perpetratorId, long version, String profileJson, Instant now) {
    return sql.update(
            "INSERT INTO perpetrator_facts (perpetrator_id, profile_version, profile, updated_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (perpetrator_id) DO UPDATE SET"
                + " profile_version = excluded.profile_version, profile = excluded.profile,"
                + " updated_at = excluded.updated_at"
                + " WHERE perpetrator_facts.profile_version < excluded.profile_version",
            perpetratorId,
            version,
            new Sql.Json(profileJson),
            now)
        == 1;
  }

  public Optional<String> profile(UUID perpetratorId) {
    return sql.queryOne(
        "SELECT profile::text FROM perpetrator_facts WHERE perpetrator_id = ?",
        row -> row.getString(1),
        perpetratorId);
  }

  public void delete(UUID perpetratorId) {
    sql.update("DELETE FROM perpetrator_facts WHERE perpetrator_id = ?", perpetratorId);
  }
}
