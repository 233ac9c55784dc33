package org.matac.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Project Foundation rule of the policy, for one person, an area and an instant: the police's
 * monthly list for the perpetrator-programme agency.
 */
public final class FoundationCohort {

  /** Outcomes that mean the person is already dealt with for that incident. */
  private static final Set<String> DEALT_WITH = Set.of("CAUTION", "CONDITIONAL_CAUTION", "CHARGE");

  private FoundationCohort() {}

  /**
   * True when, at {@code asOf}: the latest incident in the window is in {@code area}; an incident
   * in the window was against an intimate partner or ex-partner; an incident in the window had
   * children present (not necessarily the same one); no current caution, conditional caution or
   * charge names an incident in the window (a later NFA or acquittal does not cancel it); and the
   * person, whose date of birth must be known, is 18 to 30 inclusive on asOf's date.
   */
  public static boolean qualifies(
      PersonFacts person, Score score, ScoringPolicy policy, String area, Instant asOf) {
    if (score.latestIncident().isEmpty() || !area.equals(score.latestIncident().get().area())) {
      return false;
    }
    if (person.dateOfBirth().isEmpty()) {
      return false;
    }
    int age = RfgvScorer.ageOn(person.dateOfBirth().get(), asOf);
    ScoringPolicy.Cohorts cohorts = policy.cohorts();
    if (age < cohorts.foundationMinimumAge() || age > cohorts.foundationMaximumAge()) {
      return false;
    }
    List<IncidentFacts> window =
        RfgvScorer.within(person.incidentsKnownAt(asOf), asOf, policy.windowDays());
    boolean partner = window.stream().anyMatch(IncidentFacts::againstAPartner);
    boolean children = window.stream().anyMatch(IncidentFacts::childrenPresent);
    boolean dealtWith =
        person.outcomesKnownAt(asOf).stream()
            .filter(outcome -> DEALT_WITH.contains(outcome.outcome()))
            .anyMatch(
                outcome ->
                    window.stream()
                        .anyMatch(
                            incident ->
                                incident.source().equals(outcome.incidentSource())
                                    && incident.incidentRef().equals(outcome.incidentRef())));
    return partner && children && !dealtWith;
  }
}
