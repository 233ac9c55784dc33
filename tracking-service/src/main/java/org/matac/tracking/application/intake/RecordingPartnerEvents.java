package org.matac.tracking.application.intake;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.security.Caller;
import org.matac.tracking.application.referral.ReferralQueue;
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
    CONFLICT
  }

  /** The record types whose every version a profile carries, for scores as of past instants. */
  private static final java.util.Set<String> HAS_HISTORY =
      java.util.Set.of(
          EventType.INCIDENT_REPORTED.name(), EventType.JUSTICE_OUTCOME_RECORDED.name());

  private final IntakeEventStore intakeEvents;
  private final PerpetratorStore perpetrators;
  private final PartnerRecordStore records;
  private final VictimStore victims;
  private final OutboxWriter outbox;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final AuditTrail audit;
  private final ReferralQueue referrals;
  private final Clock clock;

  public RecordingPartnerEvents(
      IntakeEventStore intakeEvents,
      PerpetratorStore perpetrators,
      PartnerRecordStore records,
      VictimStore victims,
      OutboxWriter outbox,
      com.fasterxml.jackson.databind.ObjectMapper json,
      AuditTrail audit,
      ReferralQueue referrals,
      Clock clock) {
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
   * Records {@code event} as sent by {@code sender}; the collection is audited in the same
   * transaction, so an event is never stored unaudited.
   */
  @Transactional
  public Outcome record(PartnerEvent event, Channel channel, Caller sender) {
    Instant now = clock.instant();
    Optional<String> storedBody = intakeEvents.storeIfNew(event, channel.name(), now);
    if (storedBody.isPresent()) {
      return storedBody.get().equals(event.bodySha256()) ? Outcome.DUPLICATE : Outcome.CONFLICT;
    }
    List<ProfileChanged.Change> changes = new ArrayList<>();
    UUID perpetratorId = resolvePerson(event, now, changes);

    PartnerRecordStore.Stored stored = records.storeIfCurrent(event, perpetratorId);
    if (stored.outcome() != PartnerRecordStore.Outcome.STALE) {
      applyCurrentVersion(event, perpetratorId, stored, now, changes);
    } else if (HAS_HISTORY.contains(event.recordType())) {
      // Not current, but known since its recordedAt: scores as of an earlier instant may change.
      changes.add(
          new ProfileChanged.Change(
              ProfileChanged.ChangeKind.EARLIER_VERSION_RECORDED,
              event.source(),
              event.sourceReference(),
              event.recordType()));
    }
    if (!changes.isEmpty()) {
      publishProfileChanged(perpetratorId, event.eventId(), changes, now);
    }
    audit.record(
        AuditEntry.allowed(
            sender,
            AuditEntry.Action.COLLECTION,
            "PERPETRATOR",
            perpetratorId.toString(),
            "partner intake: " + event.type() + " " + event.source() + " " + event.eventId()));
    for (ProfileChanged.Change change : changes) {
      if (change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED) {
        audit.record(
            AuditEntry.allowed(
                sender,
                AuditEntry.Action.COMBINATION,
                "PERPETRATOR",
                perpetratorId.toString(),
                "profile " + change.reference() + " merged in: shared PNC id"));
      }
    }
    return Outcome.ACCEPTED;
  }

  private UUID resolvePerson(PartnerEvent event, Instant now, List<ProfileChanged.Change> changes) {
    PartnerEvent.Person person = event.perpetrator();
    Optional<String> pnc = person.pncId().map(Object::toString);
    perpetrators.lockIdentifiers(event.source(), person.sourcePersonId(), pnc);

    Optional<UUID> bySource =
        perpetrators.findBySourceIdentity(event.source(), person.sourcePersonId());
    Optional<UUID> byPnc = pnc.flatMap(perpetrators::findByPnc);
    UUID id;
    if (bySource.isPresent()) {
      id = bySource.get();
    } else if (byPnc.isPresent()) {
      id = byPnc.get();
    } else {
      id = UUID.randomUUID();
      perpetrators.create(id, now);
      changes.add(new ProfileChanged.Change(ProfileChanged.ChangeKind.PROFILE_CREATED, null, null));
    }
    if (bySource.isPresent() && byPnc.isPresent() && !bySource.get().equals(byPnc.get())) {
      // Two profiles share a PNC id: they are one person. Only identifiers ever merge people.
      perpetrators.merge(id, byPnc.get(), now);
      changes.add(
          new ProfileChanged.Change(
              ProfileChanged.ChangeKind.PROFILES_MERGED, null, byPnc.get().toString()));
    }
    boolean newIdentifier =
        perpetrators.attachSourceIdentity(id, event.source(), person.sourcePersonId());
    newIdentifier |= pnc.map(value -> perpetrators.attachPnc(id, value)).orElse(false);
    boolean newDetails =
        perpetrators.updatePersonalDetails(
            id,
            person.givenName(),
            person.familyName(),
            person.dateOfBirth(),
            event.recordedAt(),
            event.eventId());
    if ((newIdentifier || newDetails) && changes.isEmpty()) {
      changes.add(
          new ProfileChanged.Change(
              ProfileChanged.ChangeKind.IDENTITY_UPDATED, event.source(), null));
    }
    return id;
  }

  private void applyCurrentVersion(
      PartnerEvent event,
      UUID perpetratorId,
      PartnerRecordStore.Stored stored,
      Instant now,
      List<ProfileChanged.Change> changes) {
    boolean isNew = stored.outcome() == PartnerRecordStore.Outcome.NEW;
    String recordType = event.recordType();
    boolean isIncident = recordType.equals(EventType.INCIDENT_REPORTED.name());
    switch (event.type()) {
      case SAFETY_WORKER_ASSIGNED -> publishAssignment(event, perpetratorId);
      case SAFETY_WORKER_UNASSIGNED -> publishUnassignment(event, perpetratorId, event.payload());
      case RECORD_WITHDRAWN -> {
        if (recordType.equals(EventType.SAFETY_WORKER_ASSIGNED.name())) {
          stored
              .replacedPayload()
              .ifPresent(payload -> publishUnassignment(event, perpetratorId, read(payload)));
          return;
        }
        if (isAboutTheVictimSide(recordType)) {
          return;
        }
        changes.add(
            new ProfileChanged.Change(
                isIncident
                    ? ProfileChanged.ChangeKind.INCIDENT_WITHDRAWN
                    : ProfileChanged.ChangeKind.RECORD_WITHDRAWN,
                event.source(),
                event.sourceReference(),
                recordType));
      }
      case INCIDENT_REPORTED -> {
        victims.recordVictimsOf(event, now);
        changes.add(
            new ProfileChanged.Change(
                isNew
                    ? ProfileChanged.ChangeKind.INCIDENT_RECORDED
                    : ProfileChanged.ChangeKind.INCIDENT_CORRECTED,
                event.source(),
                event.sourceReference(),
                recordType));
      }
      default -> {
        if (event.type() == EventType.PARTNER_REFERRAL && isNew) {
          referrals.open(
              event.source(),
              event.sourceReference(),
              perpetratorId,
              Optional.ofNullable(event.area()),
              event.payload(),
              now);
        }
        changes.add(
            new ProfileChanged.Change(
                isNew
                    ? ProfileChanged.ChangeKind.RECORD_ADDED
                    : ProfileChanged.ChangeKind.RECORD_CORRECTED,
                event.source(),
                event.sourceReference(),
                recordType));
      }
    }
  }

  /** Worker assignments concern a victim, not the perpetrator's profile. */
  private static boolean isAboutTheVictimSide(String recordType) {
    return recordType.equals(EventType.SAFETY_WORKER_ASSIGNED.name())
        || recordType.equals(EventType.SAFETY_WORKER_UNASSIGNED.name());
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
            payload.path("workerEmail").asText(null),
            event.occurredAt()));
  }

  /** {@code payload} names the assignment ended: the event's own, or a withdrawn version's. */
  private void publishUnassignment(
      PartnerEvent event, UUID perpetratorId, com.fasterxml.jackson.databind.JsonNode payload) {
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

  private com.fasterxml.jackson.databind.JsonNode read(String payload) {
    try {
      return json.readTree(payload);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void publishProfileChanged(
      UUID perpetratorId, UUID causedBy, List<ProfileChanged.Change> changes, Instant now) {
    long version = perpetrators.nextProfileVersion(perpetratorId, now);
    outbox.append(
        Topics.PROFILE_CHANGED,
        perpetratorId.toString(),
        new ProfileChanged(
            UUID.randomUUID(),
            perpetratorId.toString(),
            version,
            now,
            causedBy,
            List.copyOf(changes),
            perpetrators.profile(perpetratorId)));
  }
}
