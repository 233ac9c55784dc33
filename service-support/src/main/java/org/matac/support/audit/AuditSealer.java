package org.matac.support.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.matac.support.sql.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains the audit rows that acts have committed, shortly after: one sealer at a time across every
 * instance of the service (an advisory lock held for one sealing), in the order the rows became
 * visible to it. Writers never wait for it; an act's row is part of the act's transaction either
 * way, so nothing is done unaudited. Until it is sealed a row can be changed by someone able to
 * switch the table's guard off without the chain telling: the window is the sealing lag, measured
 * in docs/benchmarks.md.
 */
@Singleton
public class AuditSealer {

  private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);

  private final Sql sql;
  private final int batchSize;

  public AuditSealer(Sql sql, @Value("${matac.audit.seal-batch-size:2000}") int batchSize) {
    this.sql = sql;
    this.batchSize = batchSize;
  }

  @Scheduled(fixedDelay = "${matac.audit.seal-interval:200ms}", initialDelay = "1s")
  void sealOnSchedule() {
    try {
      sealWaiting();
    } catch (RuntimeException e) {
      LOG.warn("Audit rows could not be sealed now; they stay waiting and are sealed later", e);
    }
  }

  /** Seals every row committed so far; answers how many it sealed. */
  public int sealWaiting() {
    int sealed = 0;
    int batch;
    do {
      batch = sealBatch();
      sealed += batch;
    } while (batch == batchSize);
    return sealed;
  }

  /** Seals up to one batch unless another instance is sealing; answers how many it sealed. */
  @Transactional
  public int sealBatch() {
    boolean mine =
        sql.queryOne(
                "SELECT pg_try_advisory_xact_lock(hashtext('audit-sealer'))",
                row -> row.getBoolean(1))
            .orElse(false);
    if (!mine) {
      return 0;
    }
    List<AuditTrail.Row> waiting =
        sql.query(
            "SELECT * FROM audit_event WHERE hash IS NULL ORDER BY seq LIMIT ?",
            AuditTrail::row,
            batchSize);
    if (waiting.isEmpty()) {
      return 0;
    }
    record Last(String hash, long position) {}
    Last last =
        sql.queryOne(
                "SELECT hash, chain_pos FROM audit_event WHERE chain_pos IS NOT NULL"
                    + " ORDER BY chain_pos DESC LIMIT 1",
                row -> new Last(row.getString(1), row.getLong(2)))
            .orElse(new Last(AuditTrail.GENESIS, 0));
    String previous = last.hash();
    long position = last.position();
    StringBuilder seqs = new StringBuilder();
    StringBuilder previousHashes = new StringBuilder();
    StringBuilder hashes = new StringBuilder();
    StringBuilder positions = new StringBuilder();
    for (AuditTrail.Row row : waiting) {
      String hash = AuditTrail.hashOf(previous, row);
      position++;
      separate(seqs, previousHashes, hashes, positions);
      seqs.append(row.seq());
      previousHashes.append(previous);
      hashes.append(hash);
      positions.append(position);
      previous = hash;
    }
    sql.update(
        "UPDATE audit_event a SET prev_hash = v.prev_hash, hash = v.hash, chain_pos = v.chain_pos"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[])"
            + " AS v(seq, prev_hash, hash, chain_pos) WHERE a.seq = v.seq",
        array(seqs),
        array(previousHashes),
        array(hashes),
        array(positions));
    return waiting.size();
  }

  private static void separate(StringBuilder... lists) {
    for (StringBuilder list : lists) {
      if (!list.isEmpty()) {
        list.append(',');
      }
    }
  }

  /** Hex hashes and numbers need no quoting inside a PostgreSQL array literal. */
  private static String array(StringBuilder elements) {
    return "{" + elements + "}";
  }
}
