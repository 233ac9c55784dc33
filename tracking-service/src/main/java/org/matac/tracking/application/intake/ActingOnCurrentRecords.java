package org.matac.tracking.application.intake;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.support.outbox.OutboxWriter;
import org.matac.tracking.application.referral.OpeningReferrals;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.Payload;
import org.matac.tracking.domain.ProfileChangeRule;
import org.matac.tracking.persistence.PartnerRecordStore;
import org.matac.tracking.persistence.VictimStore;

/** What a record's new current version sets off, in the transaction that records it. */
@Singleton
class ActingOnCurrentRecords {

  private final OutboxWriter outbox;
  private final VictimStore victims;
  private final OpeningReferrals referrals;

  ActingOnCurrentRecords(OutboxWriter outbox, VictimStore victims, OpeningReferrals referrals) {
    this.outbox = outbox;
    this.victims = victims;
    this.referrals = referrals;
  }

  /**
   * What a current version sets off besides itself: a worker linked or unlinked, victims recorded,
   * a referral opened; and the change it makes to the profile, added to {@code changes}.
   */
  void act(
      PartnerEvent event,
      UUID perpetratorId,
      PartnerRecordStore.Stored stored,
      Instant now,
      List<ProfileChanged.Change> changes) {

    boolean isNew = stored.outcome() == PartnerRecordStore.Outcome.NEW;
    switch (event.type()) {
      case SAFETY_WORKER_ASSIGNED -> publishAssignment(event, perpetratorId);
      case SAFETY_WORKER_UNASSIGNED -> publishUnassignment(event, perpetratorId, event.payload());
      case RECORD_WITHDRAWN -> {
        if (event.recordType().equals(EventType.SAFETY_WORKER_ASSIGNED.name())) {
          stored
              .replacedPayload()
              .ifPresent(
                  payload -> publishUnassignment(event, perpetratorId, JsonPayload.parse(payload)));
        }
      }
      case INCIDENT_REPORTED -> victims.recordVictimsOf(event, now);
      case PARTNER_REFERRAL -> {
        if (isNew) {
          referrals.open(
              event.source(),
              event.sourceReference(),
              perpetratorId,
              Optional.ofNullable(event.area()),
              event.payload(),
              now);
        }
      }
      default -> {
        // The record itself is the change: nothing else to keep or tell.
      }
    }
    ProfileChangeRule.ofCurrent(event.type(), event.recordType(), isNew)
        .ifPresent(kind -> changes.add(changeOf(kind, event)));
  }

  static ProfileChanged.Change changeOf(ProfileChanged.ChangeKind kind, PartnerEvent event) {
    return new ProfileChanged.Change(
        kind, event.source(), event.sourceReference(), event.recordType());
  }

  private void publishAssignment(PartnerEvent event, UUID perpetratorId) {
    Payload payload = event.payload();
    outbox.append(
        Topics.SAFETY_WORKER_ASSIGNED,
        perpetratorId.toString(),
        new SafetyWorkerAssigned(
            UUID.randomUUID(),
            perpetratorId.toString(),
            event.eventId(),
            payload.text("victimSource", event.source()),
            payload.text("victimRef", ""),
            payload.text("workerId", ""),
            payload.text("workerAgency", ""),
            event.occurredAt()));
  }

  /** {@code payload} names the assignment ended: the event's own, or a withdrawn version's. */
  private void publishUnassignment(PartnerEvent event, UUID perpetratorId, Payload payload) {
    outbox.append(
        Topics.SAFETY_WORKER_UNASSIGNED,
        perpetratorId.toString(),
        new SafetyWorkerUnassigned(
            UUID.randomUUID(),
            perpetratorId.toString(),
            event.eventId(),
            payload.text("victimSource", event.source()),
            payload.text("victimRef", ""),
            payload.text("workerId", ""),
            event.occurredAt()));
  }
}
