package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.matac.notification.persistence.NotificationStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.security.Caller;

/**
 * Escalates an urgent notice nobody acknowledged within {@code matac.escalation.after} to the
 * worker's agency duty inbox, once: a release from custody must not wait for one person's return.
 */
@Singleton
public class Escalating {

  private static final Caller SERVICE = Caller.system("notification-service", null);

  private final NotificationStore notifications;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration after;

  public Escalating(
      NotificationStore notifications,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.escalation.after:30m}") Duration after) {
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
    this.after = after;
  }

  @Scheduled(fixedDelay = "${matac.escalation.poll-interval:30s}", initialDelay = "5s")
  void escalateOverdue() {
    while (escalateBatch() > 0) {
      // Keep going while overdue notices remain.
    }
  }

  @Transactional
  public int escalateBatch() {
    Instant now = clock.instant();
    List<NotificationStore.Overdue> overdue = notifications.lockOverdue(now.minus(after), 50);
    for (NotificationStore.Overdue notice : overdue) {
      if (notice.agency() == null) {
        continue;
      }
      notifications.escalate(notice, now);
      audit.record(
          AuditEntry.allowed(
                  SERVICE,
                  AuditEntry.Action.DISCLOSURE,
                  "NOTIFICATION",
                  notice.id().toString(),
                  "escalated: not acknowledged within " + after)
              .disclosedTo(NotificationStore.dutyInboxOf(notice.agency())));
    }
    return (int) overdue.stream().filter(notice -> notice.agency() != null).count();
  }
}
