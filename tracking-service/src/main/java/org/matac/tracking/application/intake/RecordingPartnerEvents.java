package org.matac.tracking.application.intake;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.logging.Correlation;
import org.matac.support.security.Caller;
import org.matac.tracking.application.identity.ProfileChanges;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.ProfileChangeRule;
import org.matac.tracking.persistence.IntakeEventStore;
import org.matac.tracking.persistence.PartnerRecordStore;

/**
 * Records one partner event, from Kafka or HTTP alike, in a single transaction: the event itself,
 * the person it resolves to, the record's current version, and the messages that tell the other
 * services, written to the outbox so they go out if and only if this commits.
 */
@Singleton
public class RecordingPartnerEvents {

  public enum Channel {
    HTTP,
    KAFKA
  }

  public enum Outcome {
    ACCEPTED,
    DUPLICATE,
    /** The event id was used before for a different body: a sender error. */
    CONFLICT,
    /**
     * The event was disposed of after a retention review: sent again, it is answered as a duplicate
     * (it was received once) and not stored, so a replay cannot restore it.
     */
    DISPOSED
  }

  private final IntakeEventStore intakeEvents;
  private final PartnerRecordStore records;
  private final PlacingCurrentRecords placing;
  private final ActingOnCurrentRecords acting;
  private final ProfileChanges profileChanges;
  private final AuditTrail audit;
  private final Clock clock;

  public RecordingPartnerEvents(
      IntakeEventStore intakeEvents,
      PartnerRecordStore records,
      PlacingCurrentRecords placing,
      ActingOnCurrentRecords acting,
      ProfileChanges profileChanges,
      AuditTrail audit,
      Clock clock) {
    this.intakeEvents = intakeEvents;
    this.records = records;
    this.placing = placing;
    this.acting = acting;
    this.profileChanges = profileChanges;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a batch of events in one transaction, in order, each as {@link #record} would: either
   * all of them are stored or none is. A person changed by several of them gets one profile message
   * for all, unless an event joins or separates people, which publishes what is held first so that
   * no message about a profile follows the one that folds it into another. The outcome of each, in
   * the same order.
   */
  @Transactional
  public List<Outcome> recordAll(List<PartnerEvent> events, Channel channel, List<Caller> senders) {
    Instant now = clock.instant();
    // What can be done for the whole poll at once: the events stored, their versions kept, their
    // records locked and read. The rest follows event by event, in order.
    List<IntakeEventStore.Earlier> earlier =
        intakeEvents.storeAllIfNew(events, channel.name(), now);
    List<PartnerEvent> fresh = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (earlier.get(i).none()) {
        fresh.add(events.get(i));
      }
    }
    records.storeVersions(fresh);
    PartnerRecordStore.Currents currents = records.lockCurrents(fresh);
    ProfileChanges.Pending pending = profileChanges.pending();
    List<Outcome> outcomes = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      PartnerEvent event = events.get(i);
      IntakeEventStore.Earlier before = earlier.get(i);
      Caller sender = senders.get(i);
      outcomes.add(
          Correlation.within(
              event.eventId(),
              () -> {
                Outcome outcome = record(event, before, sender, pending, currents, now);
                Correlation.step(
                    "{} from {} by {}: {}", event.type(), event.source(), channel, outcome);
                return outcome;
              }));
    }
    pending.publish(now);
    return outcomes;
  }

  /**
   * Records {@code event} as sent by {@code sender}; the collection is audited in the same
   * transaction, so an event is never stored unaudited.
   */
  @Transactional
  public Outcome record(PartnerEvent event, Channel channel, Caller sender) {
    return recordAll(List.of(event), channel, List.of(sender)).get(0);
  }

  private Outcome record(
      PartnerEvent event,
      IntakeEventStore.Earlier earlier,
      Caller sender,
      ProfileChanges.Pending pending,
      PartnerRecordStore.Currents currents,
      Instant now) {
    if (earlier.disposed()) {
      audit.record(
          new AuditEntry(
              sender.subject(),
              sender.agency(),
              sender.roles(),
              AuditEntry.Action.COLLECTION,
              "EVENT",
              event.eventId().toString(),
              "partner intake: event disposed of after a retention review, not stored again",
              null,
              AuditEntry.Outcome.DENIED));
      return Outcome.DISPOSED;
    }
    if (!earlier.none()) {
      return earlier.storedBodySha256().get().equals(event.bodySha256())
          ? Outcome.DUPLICATE
          : Outcome.CONFLICT;
    }
    Map<UUID, List<ProfileChanged.Change>> changes = new LinkedHashMap<>();
    UUID perpetratorId;
    boolean regrouped = false;

    Optional<PartnerRecordStore.Current> current = currents.of(event);
    if (current.isPresent() && !event.version().supersedes(current.get().version())) {
      // Not current: it neither joins nor separates anyone, and the profile stays as it is.
      perpetratorId = current.get().perpetratorId();
      ProfileChangeRule.ofEarlier(event.recordType())
          .ifPresent(
              kind ->
                  ProfileChanges.changesOf(changes, perpetratorId)
                      .add(ActingOnCurrentRecords.changeOf(kind, event)));
    } else {
      PlacingCurrentRecords.Placement placed =
          placing.place(event, current, currents, pending, changes, sender, now);
      perpetratorId = placed.perpetratorId();
      regrouped = placed.regrouped();
      acting.act(
          event,
          perpetratorId,
          placed.stored(),
          now,
          ProfileChanges.changesOf(changes, perpetratorId));
    }
    audit.record(
        AuditEntry.allowed(
            sender,
            AuditEntry.Action.COLLECTION,
            "PERPETRATOR",
            perpetratorId.toString(),
            "partner intake: " + event.type() + " " + event.source() + " " + event.eventId()));
    if (regrouped) {
      profileChanges.publishAll(changes, event.eventId(), now);
    } else {
      pending.add(changes, event.eventId());
    }
    return Outcome.ACCEPTED;
  }
}
