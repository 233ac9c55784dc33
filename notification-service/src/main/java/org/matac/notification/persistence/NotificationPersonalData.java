package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.support.retention.PersonalDataEraser;
import org.matac.support.sql.Sql;

/**
 * Everything notification holds about a disposed person: notices and their deliveries, the person's
 * summary, victims and protective orders, and the workers' links to victims no other person's
 * record names (tracking erases those victims too).
 */
@Singleton
public class NotificationPersonalData implements PersonalDataEraser {

  private final Sql sql;

  public NotificationPersonalData(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void erase(List<UUID> perpetratorIds, Instant erasedAt) {
    Object ids = perpetratorIds.toArray(UUID[]::new);
    List<String[]> victims =
        sql.query(
            "SELECT DISTINCT victim_source, victim_ref FROM perpetrator_victim"
                + " WHERE perpetrator_id = ANY(?)",
            row -> new String[] {row.getString(1), row.getString(2)},
            ids);
    sql.update(
        "DELETE FROM notification_delivery WHERE notification_id IN"
            + " (SELECT id FROM notification WHERE perpetrator_id = ANY(?))",
        ids);
    for (String table :
        List.of(
            "notification",
            "protective_order",
            "perpetrator_summary",
            "perpetrator_flags",
            "perpetrator_victim")) {
      sql.update("DELETE FROM " + table + " WHERE perpetrator_id = ANY(?)", ids);
    }
    for (String[] victim : victims) {
      sql.update(
          "DELETE FROM worker_victim_link WHERE victim_source = ? AND victim_ref = ?"
              + " AND NOT EXISTS (SELECT 1 FROM perpetrator_victim"
              + " WHERE victim_source = ? AND victim_ref = ?)",
          victim[0],
          victim[1],
          victim[0],
          victim[1]);
    }
  }
}
