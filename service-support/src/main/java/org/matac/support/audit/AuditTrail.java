package org.matac.support.audit;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.matac.support.sql.Sql;

/**
 * Writes the audit trail in the transaction of the act it records, so that if the audit write fails
 * the act fails too, and reads it back for auditors. Each row's hash covers the previous row's hash
 * and its own fields, so changing, removing or reordering any row breaks the chain.
 */
@Singleton
public class AuditTrail {

  static final String GENESIS = "0".repeat(64);

  private final Sql sql;
  private final Clock clock;

  public AuditTrail(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /** Records an act inside the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEntry entry) {
    append(entry);
  }

  /** Records a refusal in a transaction of its own: the refused act has none. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefusal(AuditEntry entry) {
    append(entry);
  }

  private void append(AuditEntry entry) {
    // One writer at a time extends the chain; held only until the surrounding commit.
    sql.query("SELECT pg_advisory_xact_lock(hashtext('audit-chain'))", row -> 1);
    String previous =
        sql.queryOne(
                "SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1", row -> row.getString(1))
            .orElse(GENESIS);
    // PostgreSQL keeps microseconds: store exactly what the hash covers.
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String roles = String.join(",", new TreeSet<>(entry.roles()));
    String hash = hash(previous, now, entry, roles);
    sql.update(
        "INSERT INTO audit_event (occurred_at, actor, agency, roles, action, subject_type,"
            + " subject_id, purpose, recipient, outcome, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        now,
        entry.actor(),
        entry.agency(),
        roles,
        entry.action(),
        entry.subjectType(),
        entry.subjectId(),
        entry.purpose(),
        entry.recipient(),
        entry.outcome(),
        previous,
        hash);
  }

  /** A stored audit row as an auditor reads it. */
  public record Row(
      long seq,
      Instant occurredAt,
      String actor,
      String agency,
      String roles,
      String action,
      String subjectType,
      String subjectId,
      String purpose,
      String recipient,
      String outcome,
      String prevHash,
      String hash) {}

  @Transactional
  public List<Row> search(
      Optional<String> subjectType,
      Optional<String> subjectId,
      Optional<String> actor,
      Optional<Instant> from,
      Optional<Instant> to,
      int limit) {
    return sql.query(
        "SELECT * FROM audit_event WHERE (?::text IS NULL OR subject_type = ?)"
            + " AND (?::text IS NULL OR subject_id = ?) AND (?::text IS NULL OR actor = ?)"
            + " AND (?::timestamptz IS NULL OR occurred_at >= ?)"
            + " AND (?::timestamptz IS NULL OR occurred_at < ?) ORDER BY seq LIMIT ?",
        AuditTrail::row,
        subjectType.orElse(null),
        subjectType.orElse(null),
        subjectId.orElse(null),
        subjectId.orElse(null),
        actor.orElse(null),
        actor.orElse(null),
        from.orElse(null),
        from.orElse(null),
        to.orElse(null),
        to.orElse(null),
        limit);
  }

  /** The result of checking the whole chain: intact, or the first row that breaks it. */
  public record Verification(boolean intact, long rowsChecked, Long firstBrokenSeq) {}

  @Transactional
  public Verification verify() {
    List<Row> rows = sql.query("SELECT * FROM audit_event ORDER BY seq", AuditTrail::row);
    String previous = GENESIS;
    for (Row row : rows) {
      AuditEntry entry =
          new AuditEntry(
              row.actor(),
              row.agency(),
              java.util.Set.of(),
              AuditEntry.Action.valueOf(row.action()),
              row.subjectType(),
              row.subjectId(),
              row.purpose(),
              row.recipient(),
              AuditEntry.Outcome.valueOf(row.outcome()));
      String expected = hash(previous, row.occurredAt(), entry, row.roles());
      if (!row.prevHash().equals(previous) || !row.hash().equals(expected)) {
        return new Verification(false, rows.size(), row.seq());
      }
      previous = row.hash();
    }
    return new Verification(true, rows.size(), null);
  }

  private static Row row(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Row(
        row.getLong("seq"),
        Sql.instant(row, "occurred_at"),
        row.getString("actor"),
        row.getString("agency"),
        row.getString("roles"),
        row.getString("action"),
        row.getString("subject_type"),
        row.getString("subject_id"),
        row.getString("purpose"),
        row.getString("recipient"),
        row.getString("outcome"),
        row.getString("prev_hash"),
        row.getString("hash"));
  }

  static String hash(String previous, Instant at, AuditEntry entry, String roles) {
    long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    String canonical =
        String.join(
            "\u001f",
            previous,
            Long.toString(micros),
            entry.actor(),
            String.valueOf(entry.agency()),
            roles,
            entry.action().name(),
            entry.subjectType(),
            String.valueOf(entry.subjectId()),
            entry.purpose(),
            String.valueOf(entry.recipient()),
            entry.outcome().name());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
