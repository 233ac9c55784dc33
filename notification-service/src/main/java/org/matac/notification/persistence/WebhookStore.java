package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.matac.support.sql.Sql;

/** Each agency's case-system endpoint and the secret it checks our signatures with. */
@Singleton
public class WebhookStore {

  private final Sql sql;

  public WebhookStore(Sql sql) {
    this.sql = sql;
  }

  public record Webhook(
      String agency, String url, String secret, String updatedBy, Instant updatedAt) {}

  public Optional<Webhook> of(String agency) {
    return sql.queryOne(
        "SELECT agency, url, secret, updated_by, updated_at FROM agency_webhook WHERE agency = ?",
        row ->
            new Webhook(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                Sql.instant(row, "updated_at")),
        agency);
  }

  public void save(Webhook webhook) {
    sql.update(
        "INSERT INTO agency_webhook (agency, url, secret, updated_by, updated_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (agency) DO UPDATE SET url = excluded.url,"
            + " secret = excluded.secret, updated_by = excluded.updated_by,"
            + " updated_at = excluded.updated_at",
        webhook.agency(),
        webhook.url(),
        webhook.secret(),
        webhook.updatedBy(),
        webhook.updatedAt());
  }
}
