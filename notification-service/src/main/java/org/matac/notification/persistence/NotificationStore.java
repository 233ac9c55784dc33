package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.notification.domain.Notice;
import org.matac.support.sql.Sql;

/** Notifications and their delivery status per channel. */
@Singleton
public class NotificationStore {

  private final Sql sql;

  public NotificationStore(Sql sql) {
    this.sql = sql;
  }

  /** Stores the notice unless this worker already has one about this fact; answers if it did. */
  public boolean storeOnce(Notice notice, String link, Instant now) {
    UUID id = UUID.randomUUID();
    int stored =
        sql.update(
            "INSERT INTO notification (id, worker_id, fact_key, perpetrator_id, kind, urgent,"
                + " title, body, happened_at, area, link, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (worker_id, fact_key) DO NOTHING",
            id,
            notice.workerId(),
            notice.factKey(),
            UUID.fromString(notice.perpetratorId()),
            notice.kind(),
            notice.urgent(),
            notice.title(),
            notice.body(),
            notice.happenedAt(),
            notice.area(),
            link,
            now);
    if (stored == 1) {
      sql.update(
          "INSERT INTO notification_delivery (notification_id, channel, status, attempts,"
              + " updated_at) VALUES (?, 'INBOX', 'DELIVERED', 1, ?)",
          id,
          now);
    }
    return stored == 1;
  }

  /** One inbox entry as its owner sees it. */
  public record InboxEntry(
      UUID id,
      String perpetratorId,
      String kind,
      boolean urgent,
      String title,
      String body,
      Instant happenedAt,
      String area,
      String link,
      Instant createdAt,
      Instant acknowledgedAt) {}

  public List<InboxEntry> inboxOf(String workerId, int limit) {
    return sql.query(
        "SELECT id, perpetrator_id, kind, urgent, title, body, happened_at, area, link,"
            + " created_at, acknowledged_at FROM notification WHERE worker_id = ?"
            + " ORDER BY created_at DESC, id LIMIT ?",
        row ->
            new InboxEntry(
                row.getObject("id", UUID.class),
                row.getString("perpetrator_id"),
                row.getString("kind"),
                row.getBoolean("urgent"),
                row.getString("title"),
                row.getString("body"),
                Sql.instant(row, "happened_at"),
                row.getString("area"),
                row.getString("link"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "acknowledged_at")),
        workerId,
        limit);
  }

  /** Acknowledges the worker's own notification; answers false when it is not theirs. */
  public boolean acknowledge(UUID id, String workerId, Instant now) {
    return sql.queryOne(
            "UPDATE notification SET acknowledged_at = COALESCE(acknowledged_at, ?)"
                + " WHERE id = ? AND worker_id = ? RETURNING id",
            row -> row.getObject(1, UUID.class),
            now,
            id,
            workerId)
        .isPresent();
  }
}
