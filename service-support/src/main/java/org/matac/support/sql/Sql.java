package org.matac.support.sql;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plain SQL on the connection of the current transaction. Services use it where a statement says
 * more than a repository method would (upserts, row locks, conditional inserts).
 */
@Singleton
public class Sql {

  /** Maps the current row; may throw, as JDBC does. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final JdbcOperations jdbc;

  public Sql(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  public int update(String sql, Object... parameters) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          return statement.executeUpdate();
        });
  }

  /**
   * Runs one statement for each row of parameters as a single JDBC batch: one round trip for many
   * rows, where a loop of {@link #update} pays one each.
   */
  public void batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.prepareStatement(
        sql,
        statement -> {
          for (Object[] row : rows) {
            bind(statement, row);
            statement.addBatch();
          }
          return statement.executeBatch();
        });
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
    return jdbc.prepareStatement(
        sql,
        statement -> {
          bind(statement, parameters);
          try (ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
              result.add(mapper.map(rows));
            }
            return result;
          }
        });
  }

  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
    List<T> rows = query(sql, mapper, parameters);
    if (rows.size() > 1) {
      throw new IllegalStateException("Expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      Object value = parameters[i];
      int index = i + 1;
      if (value instanceof Instant instant) {
        statement.setTimestamp(index, Timestamp.from(instant));
      } else if (value instanceof LocalDate date) {
        statement.setObject(index, date);
      } else if (value instanceof Json json) {
        statement.setObject(index, json.text(), Types.OTHER);
      } else if (value instanceof UUID uuid) {
        statement.setObject(index, uuid);
      } else if (value instanceof String[] texts) {
        statement.setArray(index, statement.getConnection().createArrayOf("text", texts));
      } else if (value instanceof UUID[] uuids) {
        statement.setArray(index, statement.getConnection().createArrayOf("uuid", uuids));
      } else if (value instanceof Enum<?> constant) {
        statement.setString(index, constant.name());
      } else {
        statement.setObject(index, value);
      }
    }
  }

  /** Marks text to be bound as a {@code jsonb} value. */
  public record Json(String text) {}

  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
