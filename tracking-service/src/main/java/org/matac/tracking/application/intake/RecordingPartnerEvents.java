package org.matac.tracking.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.logging.Correlation;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.security.Caller;
import org.matac.tracking.application.identity.ProfileChanges;
import org.matac.tracking.application.identity.ResolvingPeople;
import org.matac.tracking.application.referral.ReferralQueue;
import org.matac.tracking.domain.PeopleGraph;
import org.matac.tracking.domain.ProfileChangeRule;
import org.matac.tracking.persistence.IntakeEventStore;
import org.matac.tracking.persistence.PartnerRecordStore;
import org.matac.tracking.persistence.PerpetratorStore;
import org.matac.tracking.persistence.VictimStore;

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

  /** The record types whose every version a profile carries, for scores as of past instants. */
  private final IntakeEventStore intakeEvents;

  private final PerpetratorStore perpetrators;
  private final PartnerRecordStore records;
  private final VictimStore victims;
  private final OutboxWriter outbox;
  private final ObjectMapper json;
  private final AuditTrail audit;
  private final ReferralQueue referrals;
  private final ResolvingPeople people;
  private final ProfileChanges profileChanges;
  private final Clock clock;

  public RecordingPartnerEvents(
      IntakeEventStore intakeEvents,
      PerpetratorStore perpetrators,
      PartnerRecordStore records,
      VictimStore victims,
      OutboxWriter outbox,
      ObjectMapper json,
      AuditTrail audit,
      ReferralQueue referrals,
      ResolvingPeople people,
      ProfileChanges profileChanges,
      Clock clock) {
    this.people = people;
    this.profileChanges = profileChanges;
    this.intakeEvents = intakeEvents;
    this.perpetrators = perpetrators;
    this.records = records;
    this.victims = victims;
    this.outbox = outbox;
    this.json = json;
    this.audit = audit;
    this.referrals = referrals;
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
    PartnerEvent.Person person = event.perpetrator();
    String sourceNode = PeopleGraph.sourceNode(event.source(), person.sourcePersonId());
    Optional<String> pncNode = person.pncId().map(pnc -> PeopleGraph.pncNode(pnc.toString()));
    Map<UUID, List<ProfileChanged.Change>> changes = new LinkedHashMap<>();
    UUID perpetratorId;
    boolean regrouped = false;

    Optional<PartnerRecordStore.Current> current = currents.of(event);
    if (current.isPresent() && !event.version().supersedes(current.get().version())) {
      // Not current: it neither joins nor separates anyone, and the profile stays as it is.
      perpetratorId = current.get().perpetratorId();
      ProfileChangeRule.ofEarlier(event.recordType())
          .ifPresent(
              kind -> ProfileChanges.changesOf(changes, perpetratorId).add(changeOf(kind, event)));
    } else {
      // A withdrawal links nothing: its PNC id neither finds nor joins anyone.
      boolean withdrawal = event.type() == EventType.RECORD_WITHDRAWN;
      Optional<String> linking = withdrawal ? Optional.empty() : pncNode;
      ResolvingPeople.Holder holder = people.holderFor(sourceNode, linking, now);
      PartnerRecordStore.Stored stored = records.makeCurrent(event, holder.id(), current, currents);
      if (people.changesNoGroup(sourceNode, linking, holder, current, withdrawal)) {
        // The common case, a first record of a person or a correction keeping its identifiers:
        // nobody joins or separates, so the groups need not be worked out again.
        perpetratorId = holder.id();
        boolean newPnc = linking.map(pnc -> people.giveIfUnheld(pnc, holder.id())).orElse(false);
        List<ProfileChanged.Change> own = ProfileChanges.changesOf(changes, perpetratorId);
        if (holder.created()) {
          own.add(new ProfileChanged.Change(ProfileChanged.ChangeKind.PROFILE_CREATED, null, null));
        }
        boolean newDetails = perpetrators.refreshPersonalDetails(perpetratorId);
        if ((newPnc || newDetails) && own.isEmpty()) {
          own.add(
              new ProfileChanged.Change(ProfileChanged.ChangeKind.IDENTITY_UPDATED, null, null));
        }
      } else {
        List<String> seeds = new ArrayList<>();
        seeds.add(sourceNode);
        pncNode.ifPresent(seeds::add);
        current.ifPresent(
            replaced -> {
              seeds.add(PeopleGraph.sourceNode(event.source(), replaced.sourcePersonId()));
              if (replaced.pncId() != null) {
                seeds.add(PeopleGraph.pncNode(replaced.pncId()));
              }
            });
        // Messages held for people about to be joined or separated go out first, with the
        // profiles as they stand before the change.
        pending.publish(now);
        ResolvingPeople.Regrouping regrouping = people.regroup(seeds, sourceNode, now);
        currents.forget();
        regrouped = true;
        perpetratorId = regrouping.outcome().ownerOf().get(sourceNode);
        if (holder.created() && perpetratorId.equals(holder.id())) {
          ProfileChanges.changesOf(changes, perpetratorId)
              .add(
                  new ProfileChanged.Change(ProfileChanged.ChangeKind.PROFILE_CREATED, null, null));
        }
        profileChanges.identityChanges(
            regrouping, changes, sender, "shared identifiers on current records");
      }
      applyCurrentVersion(
          event, perpetratorId, stored, now, ProfileChanges.changesOf(changes, perpetratorId));
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

  private void applyCurrentVersion(
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
              .ifPresent(payload -> publishUnassignment(event, perpetratorId, read(payload)));
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

  private static ProfileChanged.Change changeOf(
      ProfileChanged.ChangeKind kind, PartnerEvent event) {
    return new ProfileChanged.Change(
        kind, event.source(), event.sourceReference(), event.recordType());
  }

  private void publishAssignment(PartnerEvent event, UUID perpetratorId) {
    var payload = event.payload();
    outbox.append(
        Topics.SAFETY_WORKER_ASSIGNED,
        perpetratorId.toString(),
        new SafetyWorkerAssigned(
            UUID.randomUUID(),
            perpetratorId.toString(),
            event.eventId(),
            payload.path("victimSource").asText(event.source()),
            payload.path("victimRef").asText(),
            payload.path("workerId").asText(),
            payload.path("workerAgency").asText(),
            event.occurredAt()));
  }

  /** {@code payload} names the assignment ended: the event's own, or a withdrawn version's. */
  private void publishUnassignment(PartnerEvent event, UUID perpetratorId, JsonNode payload) {
    outbox.append(
        Topics.SAFETY_WORKER_UNASSIGNED,
        perpetratorId.toString(),
        new SafetyWorkerUnassigned(
            UUID.randomUUID(),
            perpetratorId.toString(),
            event.eventId(),
            payload.path("victimSource").asText(event.source()),
            payload.path("victimRef").asText(),
            payload.path("workerId").asText(),
            event.occurredAt()));
  }

  private JsonNode read(String payload) {
    try {
      return json.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
