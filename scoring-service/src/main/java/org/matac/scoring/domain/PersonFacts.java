package org.matac.scoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What scoring knows of one person: a date of birth, if known, their incident records and the
 * justice outcomes recorded against their incidents.
 */
public record PersonFacts(
    Optional<LocalDate> dateOfBirth, List<IncidentFacts> records, List<OutcomeFacts> outcomes) {

  public PersonFacts(Optional<LocalDate> dateOfBirth, List<IncidentFacts> records) {
    this(dateOfBirth, records, List.of());
  }

  /** The current version of a justice outcome, for the incident it names. */
  public record OutcomeFacts(
      String incidentSource, String incidentRef, String outcome, java.time.Instant recordedAt) {}

  /**
   * The person's distinct incidents: records sharing {@code (source, incidentRef)} are one
   * incident, taking time and area from the record with the latest {@code occurredAt}, and the
   * offences and victims of all of them.
   */
  public List<IncidentFacts> incidents() {
    Map<String, List<IncidentFacts>> byIncident = new LinkedHashMap<>();
    for (IncidentFacts record : records) {
      byIncident
          .computeIfAbsent(
              record.source() + "\u0000" + record.incidentRef(), key -> new ArrayList<>())
          .add(record);
    }
    List<IncidentFacts> incidents = new ArrayList<>(byIncident.size());
    for (List<IncidentFacts> parts : byIncident.values()) {
      incidents.add(combine(parts));
    }
    return incidents;
  }

  private static IncidentFacts combine(List<IncidentFacts> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    IncidentFacts latest =
        parts.stream()
            .max(
                // The contract names the latest occurredAt; equal times are broken by the record's
                // own reference so that the outcome never depends on arrival order.
                Comparator.comparing(IncidentFacts::occurredAt)
                    .thenComparing(IncidentFacts::sourceReference))
            .orElseThrow();
    List<String> offences = new ArrayList<>();
    Set<IncidentFacts.VictimKey> victims = new HashSet<>();
    boolean children = false;
    boolean partner = false;
    for (IncidentFacts part : parts) {
      offences.addAll(part.offenceCategories());
      victims.addAll(part.victims());
      children |= part.childrenPresent();
      partner |= part.againstAPartner();
    }
    return new IncidentFacts(
        latest.source(),
        latest.incidentRef(),
        latest.sourceReference(),
        latest.occurredAt(),
        latest.recordedAt(),
        latest.area(),
        List.copyOf(offences),
        Set.copyOf(victims),
        children,
        partner);
  }
}
