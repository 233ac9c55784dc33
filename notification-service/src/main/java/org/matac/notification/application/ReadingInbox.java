package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.NotificationStore;

/**
 * A worker's own inbox and caseload: nobody reads or acknowledges another worker's notifications.
 */
@Singleton
public class ReadingInbox {

  private final NotificationStore notifications;
  private final LinkStore links;
  private final Clock clock;

  public ReadingInbox(NotificationStore notifications, LinkStore links, Clock clock) {
    this.notifications = notifications;
    this.links = links;
    this.clock = clock;
  }

  @Transactional
  public List<LinkStore.CaseloadEntry> caseloadOf(String workerId) {
    return links.caseloadOf(workerId);
  }

  @Transactional
  public List<NotificationStore.InboxEntry> inboxOf(String workerId, int limit) {
    return notifications.inboxOf(workerId, limit);
  }

  @Transactional
  public boolean acknowledge(UUID notificationId, String workerId) {
    return notifications.acknowledge(notificationId, workerId, clock.instant());
  }
}
