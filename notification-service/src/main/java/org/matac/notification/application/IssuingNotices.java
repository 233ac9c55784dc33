package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.notification.domain.Notice;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.NotificationStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.logging.Correlation;
import org.matac.support.security.Caller;

/**
 * Puts notices in workers' inboxes, once per worker and fact, and queues their other channels. Each
 * notice stored is a disclosure of the perpetrator to its worker, audited with it.
 */
@Singleton
public class IssuingNotices {

  static final Caller SERVICE = Caller.system("notification-service", null);

  private final NotificationStore notifications;
  private final LinkStore links;
  private final SchedulingDeliveries deliveries;
  private final AuditTrail audit;
  private final Clock clock;
  private final String consoleBaseUrl;

  public IssuingNotices(
      NotificationStore notifications,
      LinkStore links,
      SchedulingDeliveries deliveries,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.links.console-base-url}") String consoleBaseUrl) {
    this.notifications = notifications;
    this.links = links;
    this.deliveries = deliveries;
    this.audit = audit;
    this.clock = clock;
    this.consoleBaseUrl = consoleBaseUrl;
  }

  @Transactional
  public void issue(List<Notice> notices) {
    Instant now = clock.instant();
    for (Notice notice : notices) {
      Optional<UUID> stored =
          notifications.storeOnce(
              notice,
              id -> consoleBaseUrl + "/notifications/" + id,
              links.agencyOf(notice.workerId()).orElse(null),
              Correlation.current(),
              now);
      stored.ifPresent(id -> issued(id, notice, now));
    }
  }

  private void issued(UUID id, Notice notice, Instant now) {
    deliveries.schedule(id, notice, now);
    Correlation.step(
        "Notice {} ({}{}) about person {} in a worker's inbox",
        id,
        notice.kind(),
        notice.urgent() ? ", urgent" : "",
        notice.perpetratorId());
    audit.record(
        AuditEntry.allowed(
                SERVICE,
                AuditEntry.Action.DISCLOSURE,
                "PERPETRATOR",
                notice.perpetratorId(),
                "notification " + notice.kind() + " (" + notice.factKey() + ")")
            .disclosedTo(notice.workerId()));
  }
}
