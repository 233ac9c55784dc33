package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.sql.Sql;

/** Retention reviews: when each profile was last recorded, and the decisions to keep it. */
@Singleton
public class RetentionStore {

  private final Sql sql;

  public RetentionStore(Sql sql) {
    this.sql = sql;
  }

  /** A living profile's retention facts: its latest current record and latest decision to keep. */
  public record Standing(UUID perpetratorId, Instant lastRecordedAt, LocalDate keptUntil) {}

  public record Decision(
      UUID id,
      String decision,
      String reason,
      LocalDate nextReviewOn,
      String decidedBy,
      Instant decidedAt) {}

  /**
   * Living profiles whose review is due on {@code today}: the last record plus {@code reviewAfter}
   * is today or earlier, and no decision keeps them beyond today. Longest unreviewed first.
   */
  public List<Standing> due(LocalDate today, Period reviewAfter, int limit) {
    return sql.query(
        "WITH last AS (SELECT perpetrator_id, max(recorded_at) AS last_recorded_at"
            + " FROM partner_record GROUP BY perpetrator_id"
            + " HAVING ((max(recorded_at) AT TIME ZONE 'UTC')::date + ?::interval)::date <= ?)"
            + " SELECT l.perpetrator_id, l.last_recorded_at, k.next_review_on FROM last l"
            + " JOIN perpetrator p ON p.id = l.perpetrator_id AND p.merged_into IS NULL"
            + " LEFT JOIN LATERAL (SELECT next_review_on FROM retention_decision d"
            + " WHERE d.perpetrator_id = l.perpetrator_id ORDER BY decided_at DESC LIMIT 1) k"
            + " ON true WHERE k.next_review_on IS NULL OR k.next_review_on <= ?"
            + " ORDER BY l.last_recorded_at, l.perpetrator_id LIMIT ?",
        row ->
            new Standing(
                row.getObject(1, UUID.class),
                Sql.instant(row, "last_recorded_at"),
                row.getObject(3, LocalDate.class)),
        reviewAfter.toString(),
        today,
        today,
        limit);
  }

  public Optional<Standing> standing(UUID livingId) {
    return sql.queryOne(
        "SELECT max(r.recorded_at) AS last_recorded_at, (SELECT next_review_on"
            + " FROM retention_decision d WHERE d.perpetrator_id = ? ORDER BY decided_at DESC"
            + " LIMIT 1) AS kept_until FROM partner_record r WHERE r.perpetrator_id = ?"
            + " HAVING count(*) > 0",
        row ->
            new Standing(
                livingId,
                Sql.instant(row, "last_recorded_at"),
                row.getObject("kept_until", LocalDate.class)),
        livingId,
        livingId);
  }

  public List<Decision> decisions(UUID livingId) {
    return sql.query(
        "SELECT * FROM retention_decision WHERE perpetrator_id = ? ORDER BY decided_at, id",
        row ->
            new Decision(
                row.getObject("id", UUID.class),
                row.getString("decision"),
                row.getString("reason"),
                row.getObject("next_review_on", LocalDate.class),
                row.getString("decided_by"),
                Sql.instant(row, "decided_at")),
        livingId);
  }

  public void recordKeep(
      UUID livingId, String reason, LocalDate nextReviewOn, String decidedBy, Instant decidedAt) {
    sql.update(
        "INSERT INTO retention_decision (id, perpetrator_id, decision, reason, next_review_on,"
            + " decided_by, decided_at) VALUES (?, ?, 'KEEP', ?, ?, ?, ?)",
        UUID.randomUUID(),
        livingId,
        reason,
        nextReviewOn,
        decidedBy,
        decidedAt);
  }

  /** The living profile and every profile merged into it, directly or through others. */
  public List<UUID> groupOf(UUID livingId) {
    return sql.query(
        "WITH RECURSIVE g(id) AS (SELECT ?::uuid UNION SELECT p.id FROM perpetrator p"
            + " JOIN g ON p.merged_into = g.id) SELECT id FROM g",
        row -> row.getObject(1, UUID.class),
        livingId);
  }
}
