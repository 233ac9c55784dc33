package org.matac.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What scoring knows of one person: a date of birth, if known, every version received of their
 * incident records, and every version of the justice outcomes recorded against their incidents. The
 * state at an instant is chosen from these versions, never from arrival order.
 */
public record PersonFacts(
    Optional<LocalDate> dateOfBirth, List<IncidentFacts> records, List<OutcomeFacts> outcomes) {

  public PersonFacts(Optional<LocalDate> dateOfBirth, List<IncidentFacts> records) {
    this(dateOfBirth, records, List.of());
  }

  /** One version of a justice outcome record, for the incident it names. */
  public record OutcomeFacts(
      String source,
      String sourceReference,
      String incidentSource,
      String incidentRef,
      String outcome,
      VersionStamp version) {

    /** An outcome known through its current version alone. */
    public OutcomeFacts(
        String incidentSource, String incidentRef, String outcome, Instant recordedAt) {
      this(
          incidentSource,
          incidentSource + "/" + incidentRef + "/" + outcome,
          incidentSource,
          incidentRef,
          outcome,
          VersionStamp.only(recordedAt));
    }
  }

  /**
   * The person's distinct incidents as known at {@code asOf}: for each record the greatest version
   * recorded by then, unless that is a withdrawal; then records sharing {@code (source,
   * incidentRef)} are one incident, taking time and area from the record with the latest {@code
   * occurredAt}, and the offences and victims of all of them.
   */
  public List<IncidentFacts> incidentsKnownAt(Instant asOf) {
    Map<String, List<IncidentFacts>> byIncident = new LinkedHashMap<>();
    for (IncidentFacts record :
        currentAt(
            records,
            asOf,
            IncidentFacts::source,
            IncidentFacts::sourceReference,
            IncidentFacts::version)) {
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

  /** The justice outcomes as known at {@code asOf}: each record's greatest version by then. */
  public List<OutcomeFacts> outcomesKnownAt(Instant asOf) {
    return currentAt(
        outcomes, asOf, OutcomeFacts::source, OutcomeFacts::sourceReference, OutcomeFacts::version);
  }

  private static <T> List<T> currentAt(
      Collection<T> versions,
      Instant asOf,
      Function<T, String> source,
      Function<T, String> sourceReference,
      Function<T, VersionStamp> stamp) {
    Map<String, T> current = new LinkedHashMap<>();
    for (T version : versions) {
      if (!stamp.apply(version).knownAt(asOf)) {
        continue;
      }
      current.merge(
          source.apply(version) + "\u0000" + sourceReference.apply(version),
          version,
          (held, candidate) ->
              stamp.apply(candidate).compareTo(stamp.apply(held)) > 0 ? candidate : held);
    }
    return current.values().stream().filter(version -> !stamp.apply(version).withdrawal()).toList();
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
        partner,
        latest.version());
  }
}
