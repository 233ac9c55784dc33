package org.matac.scoring.application.scores;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.domain.IncidentFacts;
import org.matac.scoring.domain.PersonFacts;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.VersionStamp;

/** Maps tracking's published profile onto the facts the scoring rules read. */
public final class ProfileFactsMapper {

  private static final String INCIDENT = "INCIDENT_REPORTED";
  private static final String OUTCOME = "JUSTICE_OUTCOME_RECORDED";

  private ProfileFactsMapper() {}

  /**
   * Every version the profile carries; a profile published before versions were carried is read
   * through its current records alone.
   */
  public static PersonFacts of(ProfileChanged.Profile profile) {
    Optional<LocalDate> born = Optional.ofNullable(profile.dateOfBirth());
    if (profile.versions().isEmpty()) {
      return new PersonFacts(
          born,
          profile.incidents().stream()
              .map(incident -> incident(incident, VersionStamp.only(incident.recordedAt())))
              .toList(),
          profile.records().stream()
              .filter(record -> OUTCOME.equals(record.type()))
              .map(
                  record ->
                      outcome(
                          record.source(),
                          record.sourceReference(),
                          record.details(),
                          VersionStamp.only(record.recordedAt())))
              .toList());
    }
    return new PersonFacts(
        born,
        versionsOf(profile, INCIDENT)
            .map(version -> incidentVersion(version, stamp(version)))
            .toList(),
        versionsOf(profile, OUTCOME)
            .map(
                version ->
                    outcome(
                        version.source(),
                        version.sourceReference(),
                        version.details() == null ? Map.of() : version.details(),
                        stamp(version)))
            .toList());
  }

  private static Stream<ProfileChanged.Version> versionsOf(
      ProfileChanged.Profile profile, String type) {
    return profile.versions().stream().filter(version -> type.equals(version.type()));
  }

  private static VersionStamp stamp(ProfileChanged.Version version) {
    return new VersionStamp(
        version.recordVersion(),
        version.recordedAt(),
        version.eventId().toString(),
        version.withdrawal());
  }

  /** A withdrawal carries no incident: only its place among the record's versions matters. */
  private static IncidentFacts incidentVersion(ProfileChanged.Version version, VersionStamp stamp) {
    if (version.incident() != null) {
      return incident(version.incident(), stamp);
    }
    return new IncidentFacts(
        version.source(),
        "",
        version.sourceReference(),
        version.recordedAt(),
        version.recordedAt(),
        null,
        List.of(),
        Set.of(),
        false,
        false,
        stamp);
  }

  private static PersonFacts.OutcomeFacts outcome(
      String source, String sourceReference, Map<String, Object> details, VersionStamp stamp) {
    Object incidentSource = details.get("incidentSource");
    return new PersonFacts.OutcomeFacts(
        source,
        sourceReference,
        incidentSource == null ? source : incidentSource.toString(),
        String.valueOf(details.get("incidentRef")),
        String.valueOf(details.get("outcome")),
        stamp);
  }

  /** The policy's last tie-break: the smallest PNC id, else the smallest source identity. */
  public static String tieBreakKey(ProfileChanged.Profile profile) {
    return Ranked.tieBreakKeyOf(
        profile.pncIds(),
        profile.identities().stream()
            .map(identity -> identity.source() + ":" + identity.sourcePersonId())
            .toList());
  }

  private static IncidentFacts incident(ProfileChanged.Incident incident, VersionStamp stamp) {
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
                        || "EX_PARTNER".equals(victim.relationship())),
        stamp);
  }
}
