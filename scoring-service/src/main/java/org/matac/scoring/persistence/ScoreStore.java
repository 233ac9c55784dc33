package org.matac.scoring.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.scoring.domain.Score;
import org.matac.scoring.domain.ScoreHistoryEntry;
import org.matac.support.sql.Sql;

/** The current score of each person under each policy, and every change of it. */
@Singleton
public class ScoreStore {

  private final Sql sql;
  private final ObjectMapper json;

  public ScoreStore(Sql sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  private static final String ASSESSMENT =
      "SELECT perpetrator_id, as_of, recency, frequency, harm, gravity, victims, total, serial,"
          + " repeat, escalating FROM score WHERE policy_id = ? AND ";

  /** The stored assessment, without its evidence: enough to tell whether a new one differs. */
  public Optional<Score> current(UUID perpetratorId, String policyId) {
    return sql.queryOne(
        ASSESSMENT + "perpetrator_id = ?",
        row -> assessment(row, policyId),
        policyId,
        perpetratorId);
  }

  /** {@link #current} for many people at once, by id; people without a score are left out. */
  public Map<UUID, Score> currentOf(Collection<UUID> perpetratorIds, String policyId) {
    Map<UUID, Score> current = new HashMap<>();
    sql.query(
        ASSESSMENT + "perpetrator_id = ANY(?)",
        row -> current.put(row.getObject("perpetrator_id", UUID.class), assessment(row, policyId)),
        policyId,
        perpetratorIds.toArray(UUID[]::new));
    return current;
  }

  private static Score assessment(ResultSet row, String policyId) throws SQLException {
    return new Score(
        policyId,
        Sql.instant(row, "as_of"),
        row.getInt("recency"),
        row.getInt("frequency"),
        row.getBigDecimal("harm"),
        row.getInt("gravity"),
        row.getInt("victims"),
        row.getInt("total"),
        new Score.Flags(
            row.getBoolean("serial"), row.getBoolean("repeat"), row.getBoolean("escalating")),
        Optional.empty(),
        List.of());
  }

  /** A new assessment of a person to store, and the message that caused it, if one did. */
  public record Change(UUID perpetratorId, Score score, UUID causedBy) {}

  /** Stores each change as the current score and a history row, in two batches. */
  public void saveAll(List<Change> changes) {
    sql.batch(
        "INSERT INTO score (perpetrator_id, "
            + ASSESSMENT_COLUMNS
            + ", area, latest_occurred_at,"
            + " evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (perpetrator_id, policy_id) DO UPDATE SET as_of = excluded.as_of,"
            + " recency = excluded.recency, frequency = excluded.frequency,"
            + " harm = excluded.harm, gravity = excluded.gravity, victims = excluded.victims,"
            + " total = excluded.total, serial = excluded.serial, repeat = excluded.repeat,"
            + " escalating = excluded.escalating, area = excluded.area,"
            + " latest_occurred_at = excluded.latest_occurred_at, evidence = excluded.evidence",
        changes.stream()
            .map(
                change ->
                    concat(
                        new Object[] {change.perpetratorId()},
                        assessmentOf(change.score()),
                        new Object[] {
                          change
                              .score()
                              .latestIncident()
                              .map(Score.LatestIncident::area)
                              .orElse(null),
                          change
                              .score()
                              .latestIncident()
                              .map(Score.LatestIncident::occurredAt)
                              .orElse(null),
                          new Sql.Json(evidenceOf(change.score()))
                        }))
            .toList());
    sql.batch(
        "INSERT INTO score_history (perpetrator_id, "
            + ASSESSMENT_COLUMNS
            + ", caused_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        changes.stream()
            .map(
                change ->
                    concat(
                        new Object[] {change.perpetratorId()},
                        assessmentOf(change.score()),
                        new Object[] {change.causedBy()}))
            .toList());
  }

  private static Object[] assessmentOf(Score score) {
    return new Object[] {
      score.policyId(),
      score.asOf(),
      score.recency(),
      score.frequency(),
      score.harm(),
      score.gravity(),
      score.victims(),
      score.total(),
      score.flags().serial(),
      score.flags().repeat(),
      score.flags().escalating()
    };
  }

  private String evidenceOf(Score score) {
    try {
      return json.writeValueAsString(score.evidence());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Evidence could not be written", e);
    }
  }

  private static final String ASSESSMENT_COLUMNS =
      "policy_id, as_of, recency, frequency, harm, gravity, victims, total, serial, repeat,"
          + " escalating";

  private static Object[] concat(Object[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
  }

  public void delete(UUID perpetratorId) {
    sql.update("DELETE FROM score WHERE perpetrator_id = ?", perpetratorId);
  }

  /** Every recorded change of a person's score, oldest first: the trajectory. */
  public List<ScoreHistoryEntry> history(UUID perpetratorId) {
    return sql.query(
        "SELECT policy_id, as_of, total, serial, repeat, escalating FROM score_history"
            + " WHERE perpetrator_id = ? ORDER BY as_of, id",
        row ->
            new ScoreHistoryEntry(
                row.getString("policy_id"),
                Sql.instant(row, "as_of"),
                row.getInt("total"),
                new Score.Flags(
                    row.getBoolean("serial"),
                    row.getBoolean("repeat"),
                    row.getBoolean("escalating"))),
        perpetratorId);
  }

  /** One point of a person's score trajectory. */
}
