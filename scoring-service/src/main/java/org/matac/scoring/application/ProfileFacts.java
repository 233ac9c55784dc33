package org.matac.scoring.application;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.domain.IncidentFacts;
import org.matac.scoring.domain.PersonFacts;

/** Maps tracking's published profile onto the facts the scoring rules read. */
final class ProfileFacts {

  private ProfileFacts() {}

  static PersonFacts of(ProfileChanged.Profile profile) {
    List<IncidentFacts> incidents =
        profile.incidents().stream().map(ProfileFacts::incident).toList();
    List<PersonFacts.OutcomeFacts> outcomes =
        profile.records().stream()
            .filter(record -> "JUSTICE_OUTCOME_RECORDED".equals(record.type()))
            .map(ProfileFacts::outcome)
            .toList();
    return new PersonFacts(Optional.ofNullable(profile.dateOfBirth()), incidents, outcomes);
  }

  private static PersonFacts.OutcomeFacts outcome(ProfileChanged.PartnerRecord record) {
    Object incidentSource = record.details().get("incidentSource");
    return new PersonFacts.OutcomeFacts(
        incidentSource == null ? record.source() : incidentSource.toString(),
        String.valueOf(record.details().get("incidentRef")),
        String.valueOf(record.details().get("outcome")),
        record.recordedAt());
  }

  /** The policy's last tie-break: the smallest PNC id, else the smallest source identity. */
  static String tieBreakKey(ProfileChanged.Profile profile) {
    return org.matac.scoring.domain.Ranked.tieBreakKeyOf(
        profile.pncIds(),
        profile.identities().stream()
            .map(identity -> identity.source() + ":" + identity.sourcePersonId())
            .toList());
  }

  private static IncidentFacts incident(ProfileChanged.Incident incident) {
    Set<IncidentFacts.VictimKey> victims = new HashSet<>();
    for (ProfileChanged.VictimLink victim : incident.victims()) {
      victims.add(new IncidentFacts.VictimKey(victim.victimSource(), victim.victimRef()));
    }
    return new IncidentFacts(
        incident.source(),
        incident.incidentRef(),
        incident.sourceReference(),
        incident.occurredAt(),
        incident.recordedAt(),
        incident.area(),
        List.copyOf(incident.offenceCategories()),
        Set.copyOf(victims),
        incident.childrenPresent(),
        incident.victims().stream()
            .anyMatch(
                victim ->
                    "INTIMATE_PARTNER".equals(victim.relationship())
                        || "EX_PARTNER".equals(victim.relationship())));
  }
}
