package org.matac.notification.application;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
  private final IssuingNotices notices;
  private final Clock clock;

  public WatchingOrders(OrderStore orders, LinkStore links, IssuingNotices notices, Clock clock) {
    this.orders = orders;
    this.links = links;
    this.notices = notices;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${matac.orders.check-interval:15m}", initialDelay = "10s")
  void checkOnSchedule() {
    check();
  }

  @Transactional
  public void check() {
    Instant now = clock.instant();
    for (Map.Entry<UUID, List<NotificationRules.Order>> ending :
        orders.endingBetween(now, now.plus(NotificationRules.ORDER_WARNING)).entrySet()) {
      List<String> workers = links.workersLinkedTo(ending.getKey());
      if (workers.isEmpty()) {
        continue;
      }
      NotificationRules.Perpetrator perpetrator = links.perpetrator(ending.getKey());
      for (NotificationRules.Order order : ending.getValue()) {
        notices.issue(NotificationRules.orderEnding(perpetrator, order, now, workers));
      }
    }
  }
}
