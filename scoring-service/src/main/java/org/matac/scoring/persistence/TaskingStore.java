package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.scoring.domain.MatacMembership;
import org.matac.scoring.domain.MembershipSpell;
import org.matac.scoring.domain.TaskingCycle;
import org.matac.scoring.domain.TaskingCycle.Cycle;
import org.matac.scoring.domain.TaskingCycle.Entry;
import org.matac.support.sql.Sql;

/** Tasking cycles, their entries and decisions, and MATAC membership. */
@Singleton
public class TaskingStore {

  private final Sql sql;

  public TaskingStore(Sql sql) {
    this.sql = sql;
  }

  /** Answers false when the area already has a cycle for that date. */
  public boolean createCycle(Cycle cycle) {
    return sql.update(
            "INSERT INTO tasking_cycle (id, area, cycle_date, as_of, policy_id, status, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            cycle.id(),
            cycle.area(),
            cycle.cycleDate(),
            cycle.asOf(),
            cycle.policyId(),
            cycle.status().name(),
            cycle.createdBy(),
            cycle.createdAt())
        == 1;
  }

  /** Answers false when the person is already on the cycle. */
  public boolean addEntry(UUID cycleId, Entry entry) {
    return sql.update(
            "INSERT INTO tasking_entry (cycle_id, perpetrator_id, kind, rank, total, harm, serial,"
                + " entry_total, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING",
            cycleId,
            entry.perpetratorId(),
            entry.kind().name(),
            entry.rank(),
            entry.total(),
            entry.harm(),
            entry.serial(),
            entry.entryTotal(),
            entry.reason())
        == 1;
  }

  public Optional<Cycle> cycle(UUID id, boolean lock) {
    return sql.queryOne(
        "SELECT * FROM tasking_cycle WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
        TaskingStore::cycle,
        id);
  }

  public List<Cycle> cycles(Optional<String> area, Optional<String> status) {
    return sql.query(
        "SELECT * FROM tasking_cycle WHERE (?::text IS NULL OR area = ?)"
            + " AND (?::text IS NULL OR status = ?) ORDER BY cycle_date DESC, area",
        TaskingStore::cycle,
        area.orElse(null),
        area.orElse(null),
        status.orElse(null),
        status.orElse(null));
  }

  public List<Entry> entries(UUID cycleId) {
    return sql.query(
        "SELECT * FROM tasking_entry WHERE cycle_id = ?"
            + " ORDER BY kind DESC, rank NULLS LAST, perpetrator_id",
        TaskingStore::entry,
        cycleId);
  }

  /** Records a decision on an undecided entry; answers false when there was none to decide. */
  public boolean decide(UUID cycleId, Entry decided) {
    return sql.update(
            "UPDATE tasking_entry SET decision = ?, decided_by = ?, decided_at = ?,"
                + " decision_reason = ? WHERE cycle_id = ? AND perpetrator_id = ?"
                + " AND decision IS NULL",
            decided.decision().name(),
            decided.decidedBy(),
            decided.decidedAt(),
            decided.decisionReason(),
            cycleId,
            decided.perpetratorId())
        == 1;
  }

  public void publish(Cycle published) {
    sql.update(
        "UPDATE tasking_cycle SET status = ?, published_by = ?, published_at = ? WHERE id = ?",
        published.status().name(),
        published.publishedBy(),
        published.publishedAt(),
        published.id());
  }

  public void startMembership(MatacMembership membership, Instant approvedAt) {
    sql.update(
        "INSERT INTO matac_membership (perpetrator_id, area, cycle_id, approved_at, entry_total)"
            + " VALUES (?, ?, ?, ?, ?)",
        membership.perpetratorId(),
        membership.area(),
        membership.cycleId(),
        approvedAt,
        membership.entryTotal());
  }

  /** People active in MATAC for an area: approved on a published list and not discharged. */
  public List<MatacMembership> activeIn(String area) {
    return sql.query(
        "SELECT perpetrator_id, area, cycle_id, entry_total FROM matac_membership"
            + " WHERE area = ? AND discharged_at IS NULL ORDER BY perpetrator_id",
        row ->
            new MatacMembership(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getObject(3, UUID.class),
                row.getInt(4)),
        area);
  }

  /** Every time anyone was in MATAC in an area, discharged or not. */
  public List<MembershipSpell> spellsIn(String area) {
    return sql.query(
        "SELECT perpetrator_id, approved_at, discharged_at, discharge_reason FROM matac_membership"
            + " WHERE area = ?",
        row ->
            new MembershipSpell(
                row.getObject(1, UUID.class),
                Sql.instant(row, "approved_at"),
                Optional.ofNullable(Sql.instant(row, "discharged_at")),
                Optional.ofNullable(row.getString(4))),
        area);
  }

  public Optional<MatacMembership> activeMembership(UUID perpetratorId) {
    return sql.queryOne(
        "SELECT perpetrator_id, area, cycle_id, entry_total FROM matac_membership"
            + " WHERE perpetrator_id = ? AND discharged_at IS NULL FOR UPDATE",
        row ->
            new MatacMembership(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getObject(3, UUID.class),
                row.getInt(4)),
        perpetratorId);
  }

  public void discharge(
      MatacMembership membership, String dischargedBy, String reason, int exitTotal, Instant now) {
    sql.update(
        "UPDATE matac_membership SET discharged_at = ?, discharged_by = ?, discharge_reason = ?,"
            + " exit_total = ? WHERE perpetrator_id = ? AND cycle_id = ?",
        now,
        dischargedBy,
        reason,
        exitTotal,
        membership.perpetratorId(),
        membership.cycleId());
  }

  /** Stores a Foundation list as published; answers false when the area and instant have one. */
  public boolean publishFoundation(
      UUID id, String area, Instant asOf, String policyId, String by, Instant now) {
    return sql.update(
            "INSERT INTO foundation_publication (id, area, as_of, policy_id, published_by,"
                + " published_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            id,
            area,
            asOf,
            policyId,
            by,
            now)
        == 1;
  }

  public void addFoundationEntry(UUID publicationId, int rank, UUID perpetratorId, int total) {
    sql.update(
        "INSERT INTO foundation_publication_entry (publication_id, rank, perpetrator_id, total)"
            + " VALUES (?, ?, ?, ?)",
        publicationId,
        rank,
        perpetratorId,
        total);
  }

  private static Cycle cycle(ResultSet row) throws SQLException {
    return new Cycle(
        row.getObject("id", UUID.class),
        row.getString("area"),
        row.getObject("cycle_date", LocalDate.class),
        Sql.instant(row, "as_of"),
        row.getString("policy_id"),
        TaskingCycle.Status.valueOf(row.getString("status")),
        row.getString("created_by"),
        Sql.instant(row, "created_at"),
        row.getString("published_by"),
        Sql.instant(row, "published_at"));
  }

  private static Entry entry(ResultSet row) throws SQLException {
    return new Entry(
        row.getObject("perpetrator_id", UUID.class),
        TaskingCycle.EntryKind.valueOf(row.getString("kind")),
        (Integer) row.getObject("rank"),
        row.getInt("total"),
        row.getBigDecimal("harm"),
        row.getBoolean("serial"),
        row.getObject("entry_total") == null ? null : row.getInt("entry_total"),
        row.getString("reason"),
        row.getString("decision") == null
            ? null
            : TaskingCycle.Decision.valueOf(row.getString("decision")),
        row.getString("decided_by"),
        Sql.instant(row, "decided_at"),
        row.getString("decision_reason"));
  }
}
