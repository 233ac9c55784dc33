package org.matac.notification.application;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.domain.ProfileSnapshot;
import org.matac.notification.domain.VictimKey;

/** What this service takes from tracking's profile change, in its own terms. */
final class ProfileChangedMapper {

  private ProfileChangedMapper() {}

  static UUID perpetratorOf(ProfileChanged message) {
    return UUID.fromString(message.perpetratorId());
  }

  static ProfileSnapshot snapshotOf(ProfileChanged message) {
    ProfileChanged.Profile profile = message.profile();
    return new ProfileSnapshot(
        perpetratorOf(message),
        message.profileVersion(),
        profile.givenName(),
        profile.familyName(),
        victimsOf(profile.incidents()),
        ordersOf(profile));
  }

  /** Whether the change joined profiles or took records apart: links move between people. */
  static boolean regroups(ProfileChanged message) {
    return message.changes().stream()
        .anyMatch(
            change ->
                change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED
                    || change.kind() == ProfileChanged.ChangeKind.PROFILES_SEPARATED);
  }

  /** The profiles merged into this one, which no longer exist on their own. */
  static List<UUID> mergedAway(ProfileChanged message) {
    return message.changes().stream()
        .filter(change -> change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED)
        .map(change -> UUID.fromString(change.reference()))
        .toList();
  }

  /** The incidents and records the change newly recorded, in the order of its changes. */
  static List<NotificationRules.NewFact> newFactsOf(ProfileChanged message) {
    ProfileChanged.Profile profile = message.profile();
    List<NotificationRules.NewFact> facts = new ArrayList<>();
    for (ProfileChanged.Change change : message.changes()) {
      if (change.kind() == ProfileChanged.ChangeKind.RECORD_ADDED) {
        profile.records().stream()
            .filter(
                record ->
                    record.type().equals(change.recordType())
                        && record.source().equals(change.source())
                        && record.sourceReference().equals(change.reference()))
            .findFirst()
            .ifPresent(
                record ->
                    facts.add(
                        new NotificationRules.NewRecord(
                            record.type(),
                            record.source(),
                            record.sourceReference(),
                            record.occurredAt(),
                            record.area(),
                            record.details() == null ? Map.of() : record.details())));
      } else if (change.kind() == ProfileChanged.ChangeKind.INCIDENT_RECORDED) {
        profile.incidents().stream()
            .filter(
                incident ->
                    incident.source().equals(change.source())
                        && incident.sourceReference().equals(change.reference()))
            .findFirst()
            .ifPresent(
                incident ->
                    facts.add(
                        new NotificationRules.NewIncident(
                            incident.source(),
                            incident.sourceReference(),
                            incident.occurredAt(),
                            incident.area(),
                            victimsOf(List.of(incident)))));
      }
    }
    return facts;
  }

  private static Set<VictimKey> victimsOf(List<ProfileChanged.Incident> incidents) {
    Set<VictimKey> victims = new HashSet<>();
    for (ProfileChanged.Incident incident : incidents) {
      for (ProfileChanged.VictimLink victim : incident.victims()) {
        victims.add(new VictimKey(victim.victimSource(), victim.victimRef()));
      }
    }
    return victims;
  }

  /** Protective orders with a readable end date; one without is never "ending soon". */
  private static List<NotificationRules.Order> ordersOf(ProfileChanged.Profile profile) {
    List<NotificationRules.Order> orders = new ArrayList<>();
    for (ProfileChanged.PartnerRecord record : profile.records()) {
      Object until = record.details().get("validUntil");
      if (!"PROTECTIVE_ORDER_ISSUED".equals(record.type()) || until == null) {
        continue;
      }
      try {
        orders.add(
            new NotificationRules.Order(
                record.source(),
                record.sourceReference(),
                String.valueOf(record.details().get("orderType")),
                OffsetDateTime.parse(until.toString()).toInstant(),
                record.area()));
      } catch (DateTimeParseException e) {
        // Intake validates validUntil as an instant; a value it let through is skipped, not fatal.
      }
    }
    return orders;
  }
}
