package org.matac.notification.persistence;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matac.support.metrics.Figure;
import org.matac.support.metrics.FigureSource;
import org.matac.support.metrics.Measure;
import org.matac.support.sql.Sql;

/**
 * What says whether workers are hearing in time: e-mails and webhooks failed or still waiting, and
 * urgent notices nobody has acknowledged. Deliveries made are not counted here (that would read
 * every delivery ever kept on each refresh): the request and consumer metrics show the flow.
 */
@Singleton
public class NotificationFigures implements FigureSource {

  static final Measure DELIVERIES =
      new Measure(
          "matac.outstanding.deliveries",
          "E-mails and webhooks not sent: waiting for their next attempt (PENDING) or given up"
              + " (FAILED), by channel",
          "deliveries");
  static final Measure OVERDUE_DELIVERY =
      new Measure(
          "matac.deliveries.oldest.overdue",
          "How long the most overdue pending delivery has been due (0 when none is overdue)",
          "seconds");
  static final Measure URGENT_UNACKNOWLEDGED =
      new Measure(
          "matac.unacknowledged.urgent.notices",
          "Urgent notices no worker has acknowledged, by whether they went to the duty inbox",
          "notices");
  static final Measure OLDEST_URGENT_UNACKNOWLEDGED =
      new Measure(
          "matac.unacknowledged.urgent.notices.oldest.age",
          "Age of the oldest urgent notice nobody has acknowledged (0 when none waits)",
          "seconds");

  private final Sql sql;
  private final Clock clock;

  public NotificationFigures(Sql sql, Clock clock) {
    this.sql = sql;
    this.clock = clock;
  }

  @Override
  public List<Measure> measures() {
    return List.of(
        DELIVERIES, OVERDUE_DELIVERY, URGENT_UNACKNOWLEDGED, OLDEST_URGENT_UNACKNOWLEDGED);
  }

  @Override
  @ReadOnly
  public List<Figure> read() {
    Instant now = clock.instant();
    List<Figure> figures =
        new ArrayList<>(
            sql.query(
                "SELECT channel, status, count(*) AS deliveries FROM notification_delivery"
                    + " WHERE status IN ('PENDING', 'FAILED') GROUP BY channel, status",
                row ->
                    DELIVERIES.of(
                        row.getLong("deliveries"),
                        "channel",
                        row.getString("channel"),
                        "status",
                        row.getString("status"))));
    figures.add(
        OVERDUE_DELIVERY.ageOf(
            oldest(
                "SELECT min(due_at) AS oldest FROM notification_delivery"
                    + " WHERE status = 'PENDING' AND due_at <= ?",
                now),
            now));
    figures.addAll(
        sql.query(
            "SELECT escalated_at IS NOT NULL AS escalated, count(*) AS notices"
                + " FROM notification WHERE urgent AND acknowledged_at IS NULL"
                + " GROUP BY escalated_at IS NOT NULL",
            row ->
                URGENT_UNACKNOWLEDGED.of(
                    row.getLong("notices"),
                    "escalated",
                    String.valueOf(row.getBoolean("escalated")))));
    figures.add(
        OLDEST_URGENT_UNACKNOWLEDGED.ageOf(
            oldest(
                "SELECT min(created_at) AS oldest FROM notification WHERE urgent AND acknowledged_at IS NULL"),
            now));
    return figures;
  }

  /** The time {@code query} answers as {@code oldest}, or null when it found none. */
  private Instant oldest(String query, Object... parameters) {
    return sql.queryOne(query, row -> Optional.ofNullable(Sql.instant(row, "oldest")), parameters)
        .flatMap(oldest -> oldest)
        .orElse(null);
  }
}
