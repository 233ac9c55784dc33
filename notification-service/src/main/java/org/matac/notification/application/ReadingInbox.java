package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.notification.domain.CaseloadEntry;
import org.matac.notification.domain.ChannelDelivery;
import org.matac.notification.domain.InboxEntry;
import org.matac.notification.domain.WorkerPreferences;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.NotificationStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.security.Caller;

/**
 * A worker's own inbox and caseload: nobody reads or acknowledges another worker's notifications.
 */
@Singleton
public class ReadingInbox {

  private final NotificationStore notifications;
  private final LinkStore links;
  private final AuditTrail audit;
  private final Clock clock;

  public ReadingInbox(
      NotificationStore notifications, LinkStore links, AuditTrail audit, Clock clock) {
    this.notifications = notifications;
    this.links = links;
    this.audit = audit;
    this.clock = clock;
  }

  /** Each victim listed is a consultation of that victim's record, audited with the read. */
  @Transactional
  public List<CaseloadEntry> caseloadOf(Caller worker) {
    List<CaseloadEntry> caseload = links.caseloadOf(worker.subject());
    for (CaseloadEntry entry : caseload) {
      audit.record(
          AuditEntry.allowed(
              worker,
              AuditEntry.Action.CONSULTATION,
              "VICTIM",
              entry.victimSource() + ":" + entry.victimRef(),
              "caseload read"));
    }
    return caseload;
  }

  /** Each notification listed is a consultation about its perpetrator, audited with the read. */
  @Transactional
  public List<InboxEntry> inboxOf(Caller worker, int limit) {
    return consulted(worker, notifications.inboxOf(worker.subject(), limit), "inbox read");
  }

  /** The worker's own notification, opened from its e-mail link: an audited consultation. */
  @Transactional
  public Optional<InboxEntry> notificationOf(UUID notificationId, Caller worker) {
    return notifications
        .notificationOf(notificationId, worker.subject())
        .map(entry -> consulted(worker, List.of(entry), "notification read").get(0));
  }

  @Transactional
  public List<ChannelDelivery> deliveriesOf(UUID notificationId, Caller worker) {
    return notifications.deliveriesOf(notificationId, worker.subject());
  }

  @Transactional
  public WorkerPreferences preferencesOf(Caller worker) {
    return links.preferencesOf(worker.subject());
  }

  @Transactional
  public WorkerPreferences savePreferences(Caller worker, WorkerPreferences preferences) {
    links.savePreferences(worker.subject(), preferences, clock.instant());
    return preferences;
  }

  @Transactional
  public boolean acknowledge(UUID notificationId, String workerId) {
    return notifications.acknowledge(notificationId, workerId, clock.instant());
  }

  /** The agency's duty inbox; each entry listed is an audited consultation. */
  @Transactional
  public List<InboxEntry> dutyInboxOf(Caller worker, int limit) {
    return consulted(
        worker,
        notifications.inboxOf(NotificationStore.dutyInboxOf(worker.agency()), limit),
        "duty inbox read");
  }

  private List<InboxEntry> consulted(Caller worker, List<InboxEntry> entries, String purpose) {
    for (InboxEntry entry : entries) {
      audit.record(
          AuditEntry.allowed(
              worker,
              AuditEntry.Action.CONSULTATION,
              "PERPETRATOR",
              entry.perpetratorId(),
              purpose + ": notification " + entry.id()));
    }
    return entries;
  }
}
