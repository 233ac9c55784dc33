package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.matac.support.sql.Sql;

/** Scoring policy documents by id, at most one of them active. */
@Singleton
public class PolicyStore {

  private final Sql sql;

  public PolicyStore(Sql sql) {
    this.sql = sql;
  }

  public void addIfAbsent(String id, String document, Instant now) {
    sql.update(
        "INSERT INTO scoring_policy (id, document, created_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING",
        id,
        new Sql.Json(document),
        now);
  }

  public Optional<String> activeId() {
    return sql.queryOne("SELECT id FROM scoring_policy WHERE active", row -> row.getString(1));
  }

  public Optional<String> document(String id) {
    return sql.queryOne(
        "SELECT document::text FROM scoring_policy WHERE id = ?", row -> row.getString(1), id);
  }

  public List<String> ids() {
    return sql.query(
        "SELECT id FROM scoring_policy ORDER BY created_at, id", row -> row.getString(1));
  }

  public void activate(String id, Instant now) {
    sql.update("UPDATE scoring_policy SET active = false WHERE active AND id <> ?", id);
    sql.update(
        "UPDATE scoring_policy SET active = true, activated_at = ? WHERE id = ? AND NOT active",
        now,
        id);
  }
}
