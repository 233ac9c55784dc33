package org.matac.tracking.application.identity;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.logging.Correlation;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.PeopleGraph;
import org.matac.tracking.persistence.PerpetratorStore;

/**
 * Turns what changed about people into {@code tracking.profile-changed.v1} messages, written to the
 * outbox in the caller's transaction: one per person changed, each with the whole profile.
 */
@Singleton
public class ProfileChanges {

  private final PerpetratorStore perpetrators;
  private final OutboxWriter outbox;
  private final AuditTrail audit;

  public ProfileChanges(PerpetratorStore perpetrators, OutboxWriter outbox, AuditTrail audit) {
    this.perpetrators = perpetrators;
    this.outbox = outbox;
    this.audit = audit;
  }

  public static List<ProfileChanged.Change> changesOf(
      Map<UUID, List<ProfileChanged.Change>> changes, UUID perpetratorId) {
    return changes.computeIfAbsent(perpetratorId, id -> new ArrayList<>());
  }

  /**
   * What a regrouping changed for each person it touched: profiles merged in, profiles separated,
   * new people, new identifiers or personal details. Each combination and separation is audited as
   * done by {@code actor} for {@code why}.
   */
  public void identityChanges(
      ResolvingPeople.Regrouping regrouping,
      Map<UUID, List<ProfileChanged.Change>> changes,
      Caller actor,
      String why) {
    PeopleGraph.Outcome outcome = regrouping.outcome();
    outcome
        .absorbedInto()
        .forEach(
            (absorbed, survivor) -> {
              changesOf(changes, survivor)
                  .add(
                      new ProfileChanged.Change(
                          ProfileChanged.ChangeKind.PROFILES_MERGED, null, absorbed.toString()));
              audit.record(
                  AuditEntry.allowed(
                      actor,
                      AuditEntry.Action.COMBINATION,
                      "PERPETRATOR",
                      survivor.toString(),
                      "profile " + absorbed + " merged in: " + why));
            });
    outcome
        .separatedFrom()
        .forEach(
            (person, others) -> {
              for (UUID other : others) {
                changesOf(changes, person)
                    .add(
                        new ProfileChanged.Change(
                            ProfileChanged.ChangeKind.PROFILES_SEPARATED, null, other.toString()));
              }
              audit.record(
                  AuditEntry.allowed(
                      actor,
                      AuditEntry.Action.ALTERATION,
                      "PERPETRATOR",
                      person.toString(),
                      "separated from " + others + ": " + why));
            });
    for (UUID created : outcome.created()) {
      changesOf(changes, created)
          .add(new ProfileChanged.Change(ProfileChanged.ChangeKind.PROFILE_CREATED, null, null));
    }
    for (UUID person : regrouping.affected()) {
      boolean newIdentifiers =
          !regrouping.heldBefore(person).containsAll(regrouping.heldBy(person));
      boolean newDetails = perpetrators.refreshPersonalDetails(person);
      List<ProfileChanged.Change> own = changesOf(changes, person);
      if ((newIdentifiers || newDetails) && own.isEmpty()) {
        own.add(new ProfileChanged.Change(ProfileChanged.ChangeKind.IDENTITY_UPDATED, null, null));
      }
    }
  }

  /**
   * Changes of several events held back so that each person gets one message for all of them: a
   * batch of a person's history then costs one profile and one message, here and in every consumer,
   * instead of one per event.
   */
  public final class Pending {
    private final Map<UUID, List<ProfileChanged.Change>> changes = new LinkedHashMap<>();
    private final Map<UUID, UUID> lastCause = new HashMap<>();

    public void add(Map<UUID, List<ProfileChanged.Change>> more, UUID causedBy) {
      more.forEach(
          (person, own) -> {
            if (!own.isEmpty()) {
              changes.computeIfAbsent(person, first -> new ArrayList<>()).addAll(own);
              lastCause.put(person, causedBy);
            }
          });
    }

    /**
     * Publishes what is held, in the order people first changed, naming each one's last event: the
     * versions, the profiles and the outbox rows of all of them with one statement each.
     */
    public void publish(Instant now) {
      if (changes.isEmpty()) {
        return;
      }
      Map<UUID, Long> versions = perpetrators.nextProfileVersions(changes.keySet(), now);
      Map<UUID, ProfileChanged.Profile> profiles = perpetrators.profiles(changes.keySet());
      List<OutboxWriter.Keyed> messages = new ArrayList<>(changes.size());
      changes.forEach(
          (person, own) -> {
            ProfileChanged message =
                new ProfileChanged(
                    UUID.randomUUID(),
                    person.toString(),
                    versions.get(person),
                    now,
                    lastCause.get(person),
                    List.copyOf(own),
                    profiles.get(person));
            messages.add(new OutboxWriter.Keyed(person.toString(), message));
            Correlation.within(
                message.causedByEventId(),
                () ->
                    Correlation.step(
                        "Profile change {} of person {} (version {}) in the outbox",
                        message.messageId(),
                        person,
                        message.profileVersion()));
          });
      outbox.appendAll(Topics.PROFILE_CHANGED, messages);
      changes.clear();
      lastCause.clear();
    }
  }

  public Pending pending() {
    return new Pending();
  }

  /** Publishes every non-empty list of changes, each under the person's next profile version. */
  public void publishAll(
      Map<UUID, List<ProfileChanged.Change>> changes, UUID causedBy, Instant now) {
    Pending all = pending();
    all.add(changes, causedBy);
    all.publish(now);
  }
}
