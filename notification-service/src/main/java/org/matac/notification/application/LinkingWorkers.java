package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.notification.domain.VictimKey;
import org.matac.notification.persistence.LinkStore;
import org.matac.support.logging.Correlation;
import org.matac.support.retention.Disposals;

/** Links victim-safety workers to the victims partners assign them, and unlinks them. */
@Singleton
public class LinkingWorkers {

  private final Disposals disposals;
  private final LinkStore links;

  public LinkingWorkers(Disposals disposals, LinkStore links) {
    this.disposals = disposals;
    this.links = links;
  }

  @Transactional
  public void onSafetyWorkerAssigned(SafetyWorkerAssigned message) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
        "notification.worker-assigned", message.messageId(), message.perpetratorId())) {
      return;
    }
    links.linkWorker(
        message.workerId(),
        new VictimKey(message.victimSource(), message.victimRef()),
        message.workerAgency(),
        message.assignedAt());
    Correlation.within(
        message.causedByEventId(),
        () ->
            Correlation.step("A worker linked to a victim of person {}", message.perpetratorId()));
  }

  @Transactional
  public void onSafetyWorkerUnassigned(SafetyWorkerUnassigned message) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
        "notification.worker-unassigned", message.messageId(), message.perpetratorId())) {
      return;
    }
    links.unlinkWorker(
        message.workerId(), new VictimKey(message.victimSource(), message.victimRef()));
    Correlation.within(
        message.causedByEventId(),
        () ->
            Correlation.step(
                "A worker unlinked from a victim of person {}", message.perpetratorId()));
  }
}
