package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.matac.notification.domain.DirectoryEntry;
import org.matac.support.sql.Sql;

/** The worker directory: each agency's workers and the addresses their notices go to. */
@Singleton
public class WorkerDirectoryStore {

  private static final String COLUMNS = "worker_id, agency, email, updated_by, updated_at";

  private final Sql sql;

  public WorkerDirectoryStore(Sql sql) {
    this.sql = sql;
  }

  /** The entry, locked until the transaction ends so two admins' changes are ordered. */
  public Optional<DirectoryEntry> lock(String workerId) {
    return sql.queryOne(
        "SELECT " + COLUMNS + " FROM worker_directory WHERE worker_id = ? FOR UPDATE",
        WorkerDirectoryStore::entryOf,
        workerId);
  }

  public void save(DirectoryEntry entry) {
    sql.update(
        "INSERT INTO worker_directory ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (worker_id) DO UPDATE SET"
            + " agency = excluded.agency, email = excluded.email,"
            + " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        entry.workerId(),
        entry.agency(),
        entry.email(),
        entry.updatedBy(),
        entry.updatedAt());
  }

  public void remove(String workerId) {
    sql.update("DELETE FROM worker_directory WHERE worker_id = ?", workerId);
  }

  public List<DirectoryEntry> ofAgency(String agency) {
    return sql.query(
        "SELECT " + COLUMNS + " FROM worker_directory WHERE agency = ? ORDER BY worker_id",
        WorkerDirectoryStore::entryOf,
        agency);
  }

  /** Where the worker's e-mailed notices go: only ever the address their agency keeps. */
  public Optional<String> emailOf(String workerId) {
    return sql.queryOne(
        "SELECT email FROM worker_directory WHERE worker_id = ?",
        row -> row.getString(1),
        workerId);
  }

  private static DirectoryEntry entryOf(ResultSet row) throws SQLException {
    return new DirectoryEntry(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        Sql.instant(row, "updated_at"));
  }
}
