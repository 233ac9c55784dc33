package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.matac.notification.domain.AcknowledgementTimes;
import org.matac.notification.domain.ChannelDelivery;
import org.matac.notification.domain.InboxEntry;
import org.matac.notification.domain.Notice;
import org.matac.support.sql.Sql;

/** Notifications and their delivery status per channel. */
@Singleton
public class NotificationStore {

  private final Sql sql;

  public NotificationStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Stores the notice unless this worker already has one about this fact; answers its id when it
   * stored it.
   */
  public Optional<UUID> storeOnce(
      Notice notice,
      Function<UUID, String> linkTo,
      String agency,
      Optional<UUID> correlationId,
      Instant now) {
    UUID id = UUID.randomUUID();
    int stored =
        sql.update(
            "INSERT INTO notification (id, worker_id, fact_key, perpetrator_id, kind, urgent,"
                + " title, body, happened_at, area, link, created_at, agency, correlation_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
            linkTo.apply(id),
            now,
            agency,
            correlationId.orElse(null));
    if (stored == 1) {
      sql.update(
          "INSERT INTO notification_delivery (notification_id, channel, status, attempts,"
              + " updated_at) VALUES (?, 'INBOX', 'DELIVERED', 1, ?)",
          id,
          now);
    }
    return stored == 1 ? Optional.of(id) : Optional.empty();
  }

  /** The duty inbox of an agency: a worker id no person has, read by the agency's workers. */
  public static String dutyInboxOf(String agency) {
    return "duty:" + agency;
  }

  /** An urgent notice nobody acknowledged in time. */
  public record Overdue(UUID id, String workerId, String agency, String factKey) {}

  /** Locks urgent, unacknowledged, unescalated notices created before {@code cutoff}. */
  public List<Overdue> lockOverdue(Instant cutoff, int limit) {
    return sql.query(
        "SELECT id, worker_id, agency, fact_key FROM notification WHERE urgent"
            + " AND acknowledged_at IS NULL AND escalated_at IS NULL AND created_at <= ?"
            + " AND worker_id NOT LIKE 'duty:%' ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED",
        row ->
            new Overdue(
                row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)),
        cutoff,
        limit);
  }

  /** Copies the notice into the agency's duty inbox and marks it escalated, once. */
  public void escalate(Overdue overdue, Instant now) {
    sql.update(
        "INSERT INTO notification (id, worker_id, fact_key, perpetrator_id, kind, urgent, title,"
            + " body, happened_at, area, link, created_at, agency)"
            + " SELECT ?, ?, 'ESCALATED:' || id, perpetrator_id, kind, true,"
            + " 'ESCALATED (not acknowledged): ' || title, body, happened_at, area, link, ?, agency"
            + " FROM notification WHERE id = ? ON CONFLICT (worker_id, fact_key) DO NOTHING",
        UUID.randomUUID(),
        dutyInboxOf(overdue.agency()),
        now,
        overdue.id());
    sql.update("UPDATE notification SET escalated_at = ? WHERE id = ?", now, overdue.id());
  }

  /** Queues a delivery on another channel, due at {@code dueAt}. */
  public void scheduleDelivery(
      UUID notificationId, String channel, String recipient, Instant dueAt) {
    sql.update(
        "INSERT INTO notification_delivery (notification_id, channel, status, attempts,"
            + " updated_at, recipient, due_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        notificationId,
        channel,
        dueAt,
        recipient,
        dueAt);
  }

  /** A delivery due now, with what it carries. */
  public record DueDelivery(
      UUID notificationId,
      String channel,
      String recipient,
      int attempts,
      String title,
      String body,
      String link,
      String workerId,
      String kind,
      boolean urgent,
      UUID perpetratorId,
      Instant happenedAt,
      String area,
      Optional<UUID> correlationId) {}

  /** Locks up to {@code limit} due deliveries on {@code channel}; others take the rest. */
  public List<DueDelivery> lockDue(String channel, Instant now, int limit) {
    return sql.query(
        "SELECT d.notification_id, d.channel, d.recipient, d.attempts, n.title, n.body, n.link,"
            + " n.worker_id, n.kind, n.urgent, n.perpetrator_id, n.happened_at, n.area,"
            + " n.correlation_id"
            + " FROM notification_delivery d JOIN notification n ON n.id = d.notification_id"
            + " WHERE d.channel = ? AND d.status = 'PENDING' AND d.due_at <= ?"
            + " ORDER BY d.due_at LIMIT ? FOR UPDATE OF d SKIP LOCKED",
        row ->
            new DueDelivery(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getBoolean(10),
                row.getObject(11, UUID.class),
                Sql.instant(row, "happened_at"),
                row.getString(13),
                Optional.ofNullable(row.getObject(14, UUID.class))),
        channel,
        now,
        limit);
  }

  public void markDelivery(
      UUID notificationId,
      String channel,
      String status,
      int attempts,
      Instant dueAt,
      String error,
      Instant now) {
    sql.update(
        "UPDATE notification_delivery SET status = ?, attempts = ?, due_at = ?, last_error = ?,"
            + " updated_at = ? WHERE notification_id = ? AND channel = ?",
        status,
        attempts,
        dueAt,
        error,
        now,
        notificationId,
        channel);
  }

  public List<ChannelDelivery> deliveriesOf(UUID notificationId, String workerId) {
    return sql.query(
        "SELECT d.channel, d.status, d.attempts, d.updated_at, d.due_at, d.last_error"
            + " FROM notification_delivery d JOIN notification n ON n.id = d.notification_id"
            + " WHERE d.notification_id = ? AND n.worker_id = ? ORDER BY d.channel",
        row ->
            new ChannelDelivery(
                row.getString(1),
                row.getString(2),
                row.getInt(3),
                Sql.instant(row, "updated_at"),
                Sql.instant(row, "due_at"),
                row.getString(6)),
        notificationId,
        workerId);
  }

  public List<InboxEntry> inboxOf(String workerId, int limit) {
    return sql.query(
        INBOX_COLUMNS + " WHERE worker_id = ? ORDER BY created_at DESC, id LIMIT ?",
        NotificationStore::inboxEntry,
        workerId,
        limit);
  }

  /** The worker's own notification; empty when it does not exist or is someone else's. */
  public Optional<InboxEntry> notificationOf(UUID id, String workerId) {
    return sql.queryOne(
        INBOX_COLUMNS + " WHERE id = ? AND worker_id = ?",
        NotificationStore::inboxEntry,
        id,
        workerId);
  }

  private static final String INBOX_COLUMNS =
      "SELECT id, perpetrator_id, kind, urgent, title, body, happened_at, area, link,"
          + " created_at, acknowledged_at FROM notification";

  private static InboxEntry inboxEntry(ResultSet row) throws SQLException {
    return new InboxEntry(
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
        Sql.instant(row, "acknowledged_at"));
  }

  /** Every notice given about people in {@code area} since {@code from}, for its timing alone. */
  public List<AcknowledgementTimes.Notice> noticesIn(String area, Instant from) {
    return sql.query(
        "SELECT urgent, created_at, acknowledged_at FROM notification"
            + " WHERE area = ? AND created_at >= ?",
        row ->
            new AcknowledgementTimes.Notice(
                row.getBoolean("urgent"),
                Sql.instant(row, "created_at"),
                Optional.ofNullable(Sql.instant(row, "acknowledged_at"))),
        area,
        from);
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
