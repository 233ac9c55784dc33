package org.matac.notification.application;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.OrderStore;

/**
 * Looks, every so often, for protective orders ending within the warning period and tells the
 * workers linked to each perpetrator. A notice is stored once per worker and order end, so running
 * again, or on several instances, repeats nothing.
 */
@Singleton
public class WatchingOrders {

  private final OrderStore orders;
  private final LinkStore links;
  private final Notifying notifying;
  private final Clock clock;

  public WatchingOrders(OrderStore orders, LinkStore links, Notifying notifying, Clock clock) {
    this.orders = orders;
    this.links = links;
    this.notifying = notifying;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${matac.orders.check-interval:15m}", initialDelay = "10s")
  void checkOnSchedule() {
    check();
  }

  @Transactional
  public void check() {
    Instant now = clock.instant();
    for (OrderStore.Order order :
        orders.endingBetween(now, now.plus(NotificationRules.ORDER_WARNING))) {
      var workers = links.workersLinkedTo(order.perpetratorId());
      if (workers.isEmpty()) {
        continue;
      }
      notifying.deliver(
          NotificationRules.orderEnding(
              links
                  .perpetrator(order.perpetratorId())
                  .orElse(
                      new NotificationRules.Perpetrator(
                          order.perpetratorId().toString(), null, null)),
              new NotificationRules.Order(
                  order.source(),
                  order.sourceReference(),
                  order.orderType(),
                  order.validUntil(),
                  order.area()),
              now,
              workers));
    }
  }
}
