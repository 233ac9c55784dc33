package org.matac.support.deadletter;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.sql.Sql;

/** Dead-lettered records, as received on a dead-letter topic, and what became of them. */
@Singleton
public class DeadLetterStore {

  private final Sql sql;

  public DeadLetterStore(Sql sql) {
    this.sql = sql;
  }

  /** A dead letter without its value: what a list shows. */
  public record Summary(
      UUID id,
      String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      String reason,
      String errors,
      Instant deadLetteredAt,
      String status,
      Instant replayedAt,
      String replayedBy) {}

  /** A dead letter with the record as it was sent. */
  public record Letter(Summary summary, String key, byte[] value) {}

  /** A dead letter as it arrived on the dead-letter topic. */
  public record Arrival(
      String deadLetterPosition,
      String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      String reason,
      String errors,
      String key,
      byte[] value,
      Instant deadLetteredAt) {}

  /** Keeps a dead letter once, however often it is delivered. */
  public void keep(Arrival letter) {
    sql.update(
        "INSERT INTO dead_letter (id, dead_letter_offset, original_topic, original_partition,"
            + " original_offset, reason, errors, message_key, value, dead_lettered_at, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW') ON CONFLICT DO NOTHING",
        UUID.randomUUID(),
        letter.deadLetterPosition(),
        letter.originalTopic(),
        letter.originalPartition(),
        letter.originalOffset(),
        letter.reason(),
        letter.errors(),
        letter.key(),
        letter.value(),
        letter.deadLetteredAt());
  }

  /** A kept dead letter's value, with where it came from. */
  public record KeptValue(UUID id, String originalTopic, byte[] value) {}

  /** The next {@code limit} dead letters with a value, in id order, after {@code after}. */
  public List<KeptValue> valuesAfter(Optional<UUID> after, int limit) {
    return sql.query(
        "SELECT id, original_topic, value FROM dead_letter WHERE value IS NOT NULL"
            + " AND (?::uuid IS NULL OR id > ?) ORDER BY id LIMIT ?",
        row -> new KeptValue(row.getObject(1, UUID.class), row.getString(2), row.getBytes(3)),
        after.orElse(null),
        after.orElse(null),
        limit);
  }

  public void replaceValue(UUID id, byte[] value) {
    sql.update("UPDATE dead_letter SET value = ? WHERE id = ?", value, id);
  }

  public List<Summary> list(Optional<String> status, int limit) {
    return sql.query(
        "SELECT * FROM dead_letter WHERE (?::text IS NULL OR status = ?)"
            + " ORDER BY dead_lettered_at DESC, id LIMIT ?",
        DeadLetterStore::summary,
        status.orElse(null),
        status.orElse(null),
        limit);
  }

  /**
   * Which waiting letters a bulk replay takes: from one topic, and optionally one reason and time.
   */
  public record Selection(
      String originalTopic,
      Optional<String> reason,
      Optional<Instant> from,
      Optional<Instant> until) {}

  /** The waiting letters {@code selection} names, oldest first. */
  public List<UUID> waiting(Selection selection, int limit) {
    return sql.query(
        "SELECT id FROM dead_letter WHERE status <> 'REPLAYED' AND original_topic = ?"
            + " AND (?::text IS NULL OR reason = ?)"
            + " AND (?::timestamptz IS NULL OR dead_lettered_at >= ?)"
            + " AND (?::timestamptz IS NULL OR dead_lettered_at < ?)"
            + " ORDER BY dead_lettered_at, id LIMIT ?",
        row -> row.getObject(1, UUID.class),
        selection.originalTopic(),
        selection.reason().orElse(null),
        selection.reason().orElse(null),
        selection.from().orElse(null),
        selection.from().orElse(null),
        selection.until().orElse(null),
        selection.until().orElse(null),
        limit);
  }

  public Optional<Letter> find(UUID id, boolean lock) {
    return sql.queryOne(
        "SELECT * FROM dead_letter WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
        row -> new Letter(summary(row), row.getString("message_key"), row.getBytes("value")),
        id);
  }

  public void markReplayed(UUID id, String by, Instant at) {
    sql.update(
        "UPDATE dead_letter SET status = 'REPLAYED', replayed_at = ?, replayed_by = ? WHERE id = ?",
        at,
        by,
        id);
  }

  private static Summary summary(ResultSet row) throws SQLException {
    return new Summary(
        row.getObject("id", UUID.class),
        row.getString("original_topic"),
        (Integer) row.getObject("original_partition"),
        (Long) row.getObject("original_offset"),
        row.getString("reason"),
        row.getString("errors"),
        Sql.instant(row, "dead_lettered_at"),
        row.getString("status"),
        Sql.instant(row, "replayed_at"),
        row.getString("replayed_by"));
  }
}
