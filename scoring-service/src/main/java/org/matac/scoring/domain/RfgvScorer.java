package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one person under a policy at an instant {@code asOf}, as scoring-policy.md defines it.
 * Pure: the same facts, policy and instant always give the same score, whatever order the records
 * arrived in.
 */
public final class RfgvScorer {

  private static final long DAY_SECONDS = 86_400;

  /** The order that picks the latest incident: occurredAt, then source, then incidentRef. */
  public static final Comparator<IncidentFacts> LATEST_LAST =
      Comparator.comparing(IncidentFacts::occurredAt)
          .thenComparing(IncidentFacts::source)
          .thenComparing(IncidentFacts::incidentRef);

  private RfgvScorer() {}

  public static Score score(PersonFacts person, ScoringPolicy policy, Instant asOf) {
    List<IncidentFacts> known = person.incidentsKnownAt(asOf);
    List<IncidentFacts> window = within(known, asOf, policy.windowDays());

    Optional<IncidentFacts> latest = window.stream().max(LATEST_LAST);
    int recency = latest.map(incident -> recencyPoints(policy, incident, asOf)).orElse(0);
    int frequency = pointsFrom(policy.frequency(), window.size());
    BigDecimal harm = harmOf(window, policy.gravityTable());
    int gravity = gravityPoints(policy, harm);
    int victims = pointsFrom(policy.victims(), distinctVictims(window).size());
    ScoringPolicy.Weights weights = policy.weights();
    int total =
        weights.recency() * recency
            + weights.frequency() * frequency
            + weights.gravity() * gravity
            + weights.victims() * victims;

    Score.Flags flags =
        new Score.Flags(
            isSerial(person, known, policy, asOf),
            isRepeat(window, policy),
            isEscalating(known, policy, asOf));
    return new Score(
        policy.id(),
        asOf,
        recency,
        frequency,
        harm,
        gravity,
        victims,
        total,
        flags,
        latest.map(
            incident ->
                new Score.LatestIncident(
                    incident.source(),
                    incident.incidentRef(),
                    incident.occurredAt(),
                    incident.area())),
        evidence(window, policy.gravityTable()));
  }

  /** Incidents with occurredAt in {@code (asOf - days, asOf]}. */
  static List<IncidentFacts> within(List<IncidentFacts> incidents, Instant asOf, int days) {
    Instant start = asOf.minusSeconds(days * DAY_SECONDS);
    return incidents.stream()
        .filter(
            incident ->
                incident.occurredAt().isAfter(start) && !incident.occurredAt().isAfter(asOf))
        .toList();
  }

  private static int recencyPoints(ScoringPolicy policy, IncidentFacts latest, Instant asOf) {
    long days =
        Math.floorDiv(Duration.between(latest.occurredAt(), asOf).getSeconds(), DAY_SECONDS);
    for (ScoringPolicy.UpTo band : policy.recency()) {
      if (days <= band.upTo()) {
        return band.points();
      }
    }
    return 0;
  }

  private static int pointsFrom(List<ScoringPolicy.From> bands, int count) {
    int points = 0;
    for (ScoringPolicy.From band : bands) {
      if (count >= band.from()) {
        points = band.points();
      }
    }
    return points;
  }

  private static int gravityPoints(ScoringPolicy policy, BigDecimal harm) {
    if (harm.signum() <= 0) {
      return 0;
    }
    int points = 0;
    for (ScoringPolicy.HarmFrom band : policy.gravity()) {
      if (harm.compareTo(band.from()) >= 0) {
        points = band.points();
      }
    }
    return points;
  }

  static BigDecimal harmOf(List<IncidentFacts> incidents, ScoringPolicy.GravityTable table) {
    return incidents.stream()
        .map(incident -> gravestWeight(incident, table))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The highest weight among an incident's offences; an incident with none weighs NON_CRIME. */
  static BigDecimal gravestWeight(IncidentFacts incident, ScoringPolicy.GravityTable table) {
    return incident.offenceCategories().stream()
        .map(table::weightOf)
        .max(BigDecimal::compareTo)
        .orElseGet(() -> table.weightOf(ScoringPolicy.GravityTable.NON_CRIME));
  }

  private static String gravestOffence(IncidentFacts incident, ScoringPolicy.GravityTable table) {
    return incident.offenceCategories().stream()
        .max(Comparator.comparing(table::weightOf).thenComparing(Comparator.reverseOrder()))
        .orElse(ScoringPolicy.GravityTable.NON_CRIME);
  }

  private static Set<IncidentFacts.VictimKey> distinctVictims(List<IncidentFacts> incidents) {
    Set<IncidentFacts.VictimKey> victims = new HashSet<>();
    incidents.forEach(incident -> victims.addAll(incident.victims()));
    return victims;
  }

  /**
   * The policy's serial rule at {@code asOf}: two or more incidents against two or more victims in
   * the serial window, the latest at the policy's minimum age or over (or of unknown age).
   */
  static boolean isSerial(
      PersonFacts person, List<IncidentFacts> known, ScoringPolicy policy, Instant asOf) {
    List<IncidentFacts> serialWindow = within(known, asOf, policy.flags().serialWindowDays());
    if (serialWindow.size() < 2 || distinctVictims(serialWindow).size() < 2) {
      return false;
    }
    if (person.dateOfBirth().isEmpty()) {
      return true;
    }
    IncidentFacts latest = serialWindow.stream().max(LATEST_LAST).orElseThrow();
    return ageOn(person.dateOfBirth().get(), latest.occurredAt())
        >= policy.flags().serialMinimumAge();
  }

  private static boolean isRepeat(List<IncidentFacts> window, ScoringPolicy policy) {
    Map<IncidentFacts.VictimKey, List<Instant>> timesByVictim = new HashMap<>();
    for (IncidentFacts incident : window) {
      for (IncidentFacts.VictimKey victim : incident.victims()) {
        timesByVictim.computeIfAbsent(victim, key -> new ArrayList<>()).add(incident.occurredAt());
      }
    }
    long maxGapSeconds = policy.flags().repeatMaxGapDays() * DAY_SECONDS;
    for (List<Instant> times : timesByVictim.values()) {
      times.sort(Comparator.naturalOrder());
      for (int i = 1; i < times.size(); i++) {
        if (Duration.between(times.get(i - 1), times.get(i)).getSeconds() <= maxGapSeconds) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isEscalating(
      List<IncidentFacts> known, ScoringPolicy policy, Instant asOf) {
    ScoringPolicy.Flags flags = policy.flags();
    List<IncidentFacts> recent = within(known, asOf, flags.escalatingRecentDays());
    if (recent.size() < 2) {
      return false;
    }
    Instant priorEnd = asOf.minusSeconds(flags.escalatingRecentDays() * DAY_SECONDS);
    int priorLength = flags.escalatingPriorEndDays() - flags.escalatingRecentDays();
    List<IncidentFacts> prior = within(known, priorEnd, priorLength);
    return harmOf(recent, policy.gravityTable()).compareTo(harmOf(prior, policy.gravityTable()))
        > 0;
  }

  /** Completed years on the UTC date of {@code instant}; 29 February birthdays turn on 1 March. */
  public static int ageOn(LocalDate dateOfBirth, Instant instant) {
    LocalDate date = instant.atOffset(ZoneOffset.UTC).toLocalDate();
    return Period.between(dateOfBirth, date).getYears();
  }

  private static List<Score.Evidence> evidence(
      List<IncidentFacts> window, ScoringPolicy.GravityTable table) {
    return window.stream()
        .sorted(LATEST_LAST.reversed())
        .map(
            incident ->
                new Score.Evidence(
                    incident.source(),
                    incident.incidentRef(),
                    incident.occurredAt(),
                    incident.area(),
                    gravestOffence(incident, table),
                    gravestWeight(incident, table),
                    incident.victims().size()))
        .toList();
  }
}
