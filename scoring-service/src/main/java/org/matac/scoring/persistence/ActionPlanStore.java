package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.scoring.domain.MatacAction;
import org.matac.scoring.domain.OwnedAction;
import org.matac.support.sql.Sql;

/** The actions agreed for people approved onto a MATAC list. */
@Singleton
public class ActionPlanStore {

  private final Sql sql;

  public ActionPlanStore(Sql sql) {
    this.sql = sql;
  }

  public void add(MatacAction action) {
    sql.update(
        "INSERT INTO matac_action (id, perpetrator_id, area, cycle_id, agency, tactic,"
            + " description, owner, due_date, status, version, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        action.id(),
        action.perpetratorId(),
        action.area(),
        action.cycleId(),
        action.agency(),
        action.tactic(),
        action.description(),
        action.owner(),
        action.dueDate(),
        action.status(),
        action.version(),
        action.createdBy(),
        action.createdAt());
  }

  public Optional<MatacAction> action(UUID id) {
    return sql.queryOne("SELECT * FROM matac_action WHERE id = ?", ActionPlanStore::action, id);
  }

  /**
   * Changes an action only if nobody changed it since {@code expectedVersion} was read; answers
   * false otherwise, so a concurrent edit is refused rather than silently overwritten.
   */
  public boolean update(
      UUID id,
      int expectedVersion,
      String status,
      String owner,
      LocalDate dueDate,
      String by,
      Instant now) {
    return sql.update(
            "UPDATE matac_action SET status = ?, owner = ?, due_date = ?, version = version + 1,"
                + " updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
            status,
            owner,
            dueDate,
            by,
            now,
            id,
            expectedVersion)
        == 1;
  }

  /**
   * A person's actions in an area agreed in cycles dated from {@code from} to {@code to}: the plan
   * of their current time in MATAC, as a later cycle reviews it.
   */
  public List<MatacAction> agreedBetween(
      UUID perpetratorId, String area, LocalDate from, LocalDate to) {
    return sql.query(
        "SELECT a.* FROM matac_action a JOIN tasking_cycle c ON c.id = a.cycle_id"
            + " WHERE a.perpetrator_id = ? AND a.area = ? AND c.cycle_date BETWEEN ? AND ?"
            + " ORDER BY a.due_date, a.created_at, a.id",
        ActionPlanStore::action,
        perpetratorId,
        area,
        from,
        to);
  }

  /**
   * The actions an agency owns in the given areas, on published lists, soonest due first, each with
   * the name scoring holds for the person (tracking's last profile change carried it).
   */
  /** Every action agreed for anyone in an area. */
  public List<MatacAction> inArea(String area) {
    return sql.query("SELECT * FROM matac_action WHERE area = ?", ActionPlanStore::action, area);
  }

  public List<OwnedAction> ownedBy(String agency, Collection<String> areas) {
    return sql.query(
        "SELECT a.*, f.profile->>'givenName' AS given_name, f.profile->>'familyName' AS"
            + " family_name, c.cycle_date FROM matac_action a JOIN tasking_cycle c ON c.id ="
            + " a.cycle_id LEFT JOIN perpetrator_facts f ON f.perpetrator_id = a.perpetrator_id"
            + " WHERE a.agency = ? AND a.area = ANY (?) AND c.status = 'PUBLISHED'"
            + " ORDER BY a.due_date, a.created_at, a.id",
        row ->
            new OwnedAction(
                action(row),
                row.getString("given_name"),
                row.getString("family_name"),
                row.getObject("cycle_date", LocalDate.class)),
        agency,
        areas.toArray(String[]::new));
  }

  /** The owning agency's report: status and notes, only if nobody changed it since it was read. */
  public boolean report(
      UUID id, int expectedVersion, String status, String notes, String by, Instant now) {
    return sql.update(
            "UPDATE matac_action SET status = ?, notes = ?, version = version + 1,"
                + " updated_by = ?, updated_at = ? WHERE id = ? AND version = ?",
            status,
            notes,
            by,
            now,
            id,
            expectedVersion)
        == 1;
  }

  /** Every action agreed for a person in the given areas, the most recent cycle's first. */
  public List<MatacAction> ofPerson(UUID perpetratorId, Collection<String> areas) {
    return sql.query(
        "SELECT a.* FROM matac_action a JOIN tasking_cycle c ON c.id = a.cycle_id"
            + " WHERE a.perpetrator_id = ? AND a.area = ANY (?)"
            + " ORDER BY c.cycle_date DESC, a.due_date, a.created_at, a.id",
        ActionPlanStore::action,
        perpetratorId,
        areas.toArray(String[]::new));
  }

  /**
   * When the person's time in MATAC that a cycle on {@code cycleDate} reviews began: the date of
   * the latest cycle at or before it that approved them in the area.
   */
  public Optional<LocalDate> memberSince(UUID perpetratorId, String area, LocalDate cycleDate) {
    return sql.queryOne(
        "SELECT max(c.cycle_date) FROM matac_membership m JOIN tasking_cycle c ON c.id ="
            + " m.cycle_id WHERE m.perpetrator_id = ? AND m.area = ? AND c.cycle_date <= ?",
        row -> row.getObject(1, LocalDate.class),
        perpetratorId,
        area,
        cycleDate);
  }

  private static MatacAction action(ResultSet row) throws SQLException {
    return new MatacAction(
        row.getObject("id", UUID.class),
        row.getObject("perpetrator_id", UUID.class),
        row.getString("area"),
        row.getObject("cycle_id", UUID.class),
        row.getString("agency"),
        row.getString("tactic"),
        row.getString("description"),
        row.getString("owner"),
        row.getObject("due_date", LocalDate.class),
        row.getString("status"),
        row.getInt("version"),
        row.getString("created_by"),
        Sql.instant(row, "created_at"),
        row.getString("updated_by"),
        Sql.instant(row, "updated_at"),
        row.getString("notes"));
  }
}
