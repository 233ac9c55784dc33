package org.matac.notification.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.notification.domain.NotificationRules;
import org.matac.support.sql.Sql;

/** The protective orders with an end date on each perpetrator's current profile. */
@Singleton
public class OrderStore {

  private final Sql sql;

  public OrderStore(Sql sql) {
    this.sql = sql;
  }

  /** Makes {@code orders} the perpetrator's orders: withdrawn or moved ones go. */
  public void replace(UUID perpetratorId, List<NotificationRules.Order> orders) {
    replaceAll(Map.of(perpetratorId, orders));
  }

  /** {@link #replace} for many people: one delete and one batch of the orders now current. */
  public void replaceAll(Map<UUID, List<NotificationRules.Order>> ordersByPerson) {
    if (ordersByPerson.isEmpty()) {
      return;
    }
    sql.update(
        "DELETE FROM protective_order WHERE perpetrator_id = ANY(?)",
        (Object) ordersByPerson.keySet().toArray(UUID[]::new));
    List<Object[]> rows = new ArrayList<>();
    ordersByPerson.forEach(
        (perpetratorId, orders) ->
            orders.forEach(
                order ->
                    rows.add(
                        new Object[] {
                          order.source(),
                          order.reference(),
                          perpetratorId,
                          order.orderType(),
                          order.validUntil(),
                          order.area()
                        })));
    sql.batch(
        "INSERT INTO protective_order (source, source_reference, perpetrator_id, order_type,"
            + " valid_until, area) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source,"
            + " source_reference) DO UPDATE SET perpetrator_id = excluded.perpetrator_id,"
            + " order_type = excluded.order_type, valid_until = excluded.valid_until,"
            + " area = excluded.area",
        rows);
  }

  /**
   * Each person's orders ending after {@code from} and at or before {@code until}, soonest first.
   */
  public Map<UUID, List<NotificationRules.Order>> endingBetween(Instant from, Instant until) {
    Map<UUID, List<NotificationRules.Order>> ending = new LinkedHashMap<>();
    sql.query(
        "SELECT perpetrator_id, source, source_reference, order_type, valid_until, area"
            + " FROM protective_order WHERE valid_until > ? AND valid_until <= ?"
            + " ORDER BY valid_until",
        row ->
            ending
                .computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                .add(
                    new NotificationRules.Order(
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        Sql.instant(row, "valid_until"),
                        row.getString(6))),
        from,
        until);
    return ending;
  }
}
