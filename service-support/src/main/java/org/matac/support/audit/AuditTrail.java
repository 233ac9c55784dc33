package org.matac.support.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.matac.support.sql.Sql;

/**
 * Writes the audit trail in the transaction of the act it records, so that if the audit write fails
 * the act fails too, and reads it back for auditors. Rows are inserted unchained, with no lock that
 * every writer would queue on; {@link AuditSealer} chains them shortly after they commit. Each
 * sealed row's hash covers the previous row's hash and its own fields, so changing, removing or
 * reordering any sealed row breaks the chain.
 */
@Singleton
public class AuditTrail {

  static final String GENESIS = "0".repeat(64);

  /** How many sealed rows verification holds in memory at once, whatever the trail's length. */
  private final int verificationPage;

  private final Sql sql;
  private final Clock clock;
  private final TransactionOperations<Connection> transactions;

  /** The acts of each open transaction not yet written, by the transaction's connection. */
  private final Map<Object, List<Timed>> pending = new ConcurrentHashMap<>();

  private record Timed(Instant at, AuditEntry entry) {}

  public AuditTrail(
      Sql sql,
      Clock clock,
      TransactionOperations<Connection> transactions,
      @Value("${matac.audit.verification-page:5000}") int verificationPage) {
    this.sql = sql;
    this.clock = clock;
    this.transactions = transactions;
    this.verificationPage = verificationPage;
  }

  /**
   * Records an act inside the caller's transaction. The row is written just before that transaction
   * commits, with the others it recorded, as one batch insert; if the write fails, the commit fails
   * and the act is undone with it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEntry entry) {
    TransactionStatus<?> status =
        transactions
            .findTransactionStatus()
            .orElseThrow(() -> new IllegalStateException("An audited act needs a transaction"));
    // One open transaction per connection: its connection names the transaction.
    Object transaction = status.getConnection();
    Instant at = now();
    List<Timed> acts =
        pending.computeIfAbsent(
            transaction,
            opened -> {
              status.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                      List<Timed> written = pending.remove(opened);
                      if (written != null) {
                        append(written);
                      }
                    }

                    @Override
                    public void afterCompletion(Status completed) {
                      pending.remove(opened);
                    }
                  });
              return new ArrayList<>();
            });
    acts.add(new Timed(at, entry));
  }

  /** Records a refusal in a transaction of its own: the refused act has none. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordRefusal(AuditEntry entry) {
    append(List.of(new Timed(now(), entry)));
  }

  /** PostgreSQL keeps microseconds: store exactly what the hash covers. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private void append(List<Timed> acts) {
    List<Object[]> rows = new ArrayList<>(acts.size());
    for (Timed act : acts) {
      AuditEntry entry = act.entry();
      rows.add(
          new Object[] {
            act.at(),
            entry.actor(),
            entry.agency(),
            rolesOf(entry),
            entry.action(),
            entry.subjectType(),
            entry.subjectId(),
            entry.purpose(),
            entry.recipient(),
            entry.outcome()
          });
    }
    sql.batch(
        "INSERT INTO audit_event (occurred_at, actor, agency, roles, action, subject_type,"
            + " subject_id, purpose, recipient, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  static String rolesOf(AuditEntry entry) {
    return String.join(",", new TreeSet<>(entry.roles()));
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

  /**
   * The result of checking the whole chain: intact, or the first row that breaks it. Rows written
   * since the last sealing are counted apart: they are checked once sealed.
   */
  public record Verification(
      boolean intact, long rowsChecked, Long firstBrokenSeq, long rowsAwaitingSeal) {}

  /** A sealed row and its place in the chain. */
  private record Sealed(Row row, long chainPos) {}

  /** Checks every sealed row in chain order, a page at a time. */
  @Transactional
  public Verification verify() {
    long awaiting =
        sql.queryOne("SELECT count(*) FROM audit_event WHERE hash IS NULL", row -> row.getLong(1))
            .orElse(0L);
    String previous = GENESIS;
    long checked = 0;
    long after = Long.MIN_VALUE;
    List<Sealed> page;
    do {
      page =
          sql.query(
              "SELECT * FROM audit_event WHERE chain_pos > ? ORDER BY chain_pos LIMIT ?",
              row -> new Sealed(row(row), row.getLong("chain_pos")),
              after,
              verificationPage);
      for (Sealed sealed : page) {
        Row row = sealed.row();
        checked++;
        if (!previous.equals(row.prevHash()) || !hashOf(previous, row).equals(row.hash())) {
          return new Verification(false, checked, row.seq(), awaiting);
        }
        previous = row.hash();
        after = sealed.chainPos();
      }
    } while (page.size() == verificationPage);
    return new Verification(true, checked, null, awaiting);
  }

  static Row row(ResultSet row) throws SQLException {
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

  /** The hash {@code row} must carry when it follows a row whose hash is {@code previous}. */
  static String hashOf(String previous, Row row) {
    AuditEntry entry =
        new AuditEntry(
            row.actor(),
            row.agency(),
            Set.of(),
            AuditEntry.Action.valueOf(row.action()),
            row.subjectType(),
            row.subjectId(),
            row.purpose(),
            row.recipient(),
            AuditEntry.Outcome.valueOf(row.outcome()));
    return hash(previous, row.occurredAt(), entry, row.roles());
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
