package org.matac.support.metrics;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.matac.support.sql.Sql;

/**
 * What every service's delivery guarantees leave for an operator to watch: messages waiting in the
 * outbox (and any held back), dead letters nobody has replayed, and audit rows not yet chained.
 * Each is a sign that something downstream is down or refusing, and each should be near zero.
 */
@Singleton
public class DeliveryGuaranteeFigures implements FigureSource {

  static final Measure OUTBOX_WAITING =
      new Measure(
          "matac.outbox.waiting",
          "Messages committed to the outbox and not yet published to Kafka",
          "messages");
  static final Measure OUTBOX_OLDEST =
      new Measure(
          "matac.outbox.oldest.age",
          "Age of the oldest message waiting in the outbox (0 when none waits)",
          "seconds");
  static final Measure OUTBOX_HELD_BACK =
      new Measure(
          "matac.outbox.held.back",
          "Outbox messages the broker refused for what they are (too large), held for an operator",
          "messages");
  static final Measure DEAD_LETTERS =
      new Measure(
          "matac.dead.letters.waiting",
          "Messages this service could not take and nobody has replayed, by topic and reason",
          "messages");
  static final Measure AUDIT_UNSEALED =
      new Measure(
          "matac.audit.unsealed", "Audit rows committed and not yet chained by the sealer", "rows");
  static final Measure AUDIT_SEALING_LAG =
      new Measure(
          "matac.audit.sealing.lag",
          "Age of the oldest audit row not yet chained (0 when every row is sealed)",
          "seconds");

  private final Sql sql;
  private final Clock clock;

  public DeliveryGuaranteeFigures(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public List<Measure> measures() {
    return List.of(
        OUTBOX_WAITING,
        OUTBOX_OLDEST,
        OUTBOX_HELD_BACK,
        DEAD_LETTERS,
        AUDIT_UNSEALED,
        AUDIT_SEALING_LAG);
  }

  @Override
  @ReadOnly
  public List<Figure> read() {
    List<Figure> figures = new ArrayList<>();
    // Outbox rows take the database's time, audit rows the service's clock: each age is measured
    // against the clock that stamped it.
    figures.addAll(
        sql.queryOne(
                "SELECT count(*) FILTER (WHERE held_back_at IS NULL) AS waiting,"
                    + " count(*) FILTER (WHERE held_back_at IS NOT NULL) AS held_back,"
                    + " coalesce(extract(epoch FROM now() - min(created_at)"
                    + " FILTER (WHERE held_back_at IS NULL)), 0) AS oldest"
                    + " FROM outbox_message",
                row ->
                    List.of(
                        OUTBOX_WAITING.of(row.getLong("waiting")),
                        OUTBOX_HELD_BACK.of(row.getLong("held_back")),
                        OUTBOX_OLDEST.of(Math.max(0, row.getDouble("oldest")))))
            .orElseThrow());
    figures.addAll(
        sql.query(
            "SELECT original_topic, reason, count(*) AS waiting FROM dead_letter"
                + " WHERE status <> 'REPLAYED' GROUP BY original_topic, reason",
            row ->
                DEAD_LETTERS.of(
                    row.getLong("waiting"),
                    "topic",
                    Objects.requireNonNullElse(row.getString("original_topic"), "unknown"),
                    "reason",
                    row.getString("reason"))));
    figures.addAll(
        sql.queryOne(
                "SELECT count(*) AS unsealed, min(occurred_at) AS oldest FROM audit_event"
                    + " WHERE hash IS NULL",
                row -> {
                  return List.of(
                      AUDIT_UNSEALED.of(row.getLong("unsealed")),
                      AUDIT_SEALING_LAG.ageOf(Sql.instant(row, "oldest"), clock.instant()));
                })
            .orElseThrow());
    return figures;
  }
}
