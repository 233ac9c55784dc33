package org.matac.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A person's recorded offending in the years around the day an intervention took them on (the index
 * date), as an evaluation compares it: three periods of 365 days (the year before the year before
 * entry, the year before entry, the year after), and what a matched comparison matches on. Only
 * what was recorded counts: police data measure reporting, not abuse (docs/evaluation.md).
 */
public final class AroundEntry {

  public static final Duration YEAR = Duration.ofDays(365);
  private static final Duration HALF_YEAR = Duration.ofDays(182);
  private static final Duration MONTH = Duration.ofDays(30);

  /** The months of {@link Measures#monthlyHarm()}: twelve before entry and twelve after. */
  public static final int MONTHS_EACH_SIDE = 12;

  private AroundEntry() {}

  /** One measure in the three periods: earlier (two years to one before), before, after. */
  public record Periods(double earlier, double before, double after) {

    public double change() {
      return after - before;
    }

    public static Periods meanOf(List<Periods> people) {
      return new Periods(
          people.stream().mapToDouble(Periods::earlier).average().orElse(0),
          people.stream().mapToDouble(Periods::before).average().orElse(0),
          people.stream().mapToDouble(Periods::after).average().orElse(0));
    }
  }

  /**
   * What is measured of one person around one index date: harm (gravity-weighted incidents), DA
   * crimes (incidents with an offence other than {@code NON_CRIME}) and new victims (victims not
   * seen with the person before the period) per period; the matching covariates; and the days from
   * entry to the first incident after it, if one happened within the year.
   */
  public record Measures(
      Instant index,
      Periods harm,
      Periods crimes,
      Periods newVictims,
      double trajectory,
      int victimsBefore,
      Optional<Integer> ageAtEntry,
      Optional<Integer> daysSinceLastIncident,
      OptionalInt daysToFirstIncident,
      List<Double> monthlyHarm) {}

  /** Whether the whole year after {@code index} had passed by {@code asOf}. */
  public static boolean followedUp(Instant index, Instant asOf) {
    return !index.plus(YEAR).isAfter(asOf);
  }

  /**
   * Whether someone taken on at {@code takenOnAt} can stand as a comparison for an entry at {@code
   * index}: never taken on before it, nor within the year after it, when their figures would show
   * the intervention they were meant to stand without.
   */
  public static boolean untakenThrough(List<Instant> takenOnAt, Instant index) {
    return takenOnAt.stream().noneMatch(at -> at.isBefore(index.plus(YEAR)));
  }

  public static Measures measure(
      List<IncidentFacts> known,
      Instant index,
      Optional<LocalDate> dateOfBirth,
      ScoringPolicy.GravityTable weights) {
    Instant earlierFrom = index.minus(YEAR).minus(YEAR);
    Instant beforeFrom = index.minus(YEAR);
    Instant afterTo = index.plus(YEAR);
    List<IncidentFacts> byTime = known.stream().sorted(RfgvScorer.LATEST_LAST).toList();
    return new Measures(
        index,
        new Periods(
            harm(byTime, earlierFrom, beforeFrom, weights),
            harm(byTime, beforeFrom, index, weights),
            harm(byTime, index, afterTo, weights)),
        new Periods(
            crimes(byTime, earlierFrom, beforeFrom),
            crimes(byTime, beforeFrom, index),
            crimes(byTime, index, afterTo)),
        new Periods(
            newVictims(byTime, earlierFrom, beforeFrom),
            newVictims(byTime, beforeFrom, index),
            newVictims(byTime, index, afterTo)),
        harm(byTime, index.minus(HALF_YEAR), index, weights)
            - harm(byTime, beforeFrom, index.minus(HALF_YEAR), weights),
        victims(between(byTime, beforeFrom, index)).size(),
        dateOfBirth.map(born -> RfgvScorer.ageOn(born, index)),
        between(byTime, Instant.MIN, index).stream()
            .reduce((first, second) -> second)
            .map(last -> (int) Duration.between(last.occurredAt(), index).toDays()),
        between(byTime, index, afterTo).stream()
            .findFirst()
            .map(
                first -> OptionalInt.of((int) Duration.between(index, first.occurredAt()).toDays()))
            .orElse(OptionalInt.empty()),
        monthlyHarm(byTime, index, weights));
  }

  private static List<IncidentFacts> between(List<IncidentFacts> byTime, Instant from, Instant to) {
    return byTime.stream()
        .filter(incident -> !incident.occurredAt().isBefore(from))
        .filter(incident -> incident.occurredAt().isBefore(to))
        .toList();
  }

  private static double harm(
      List<IncidentFacts> byTime, Instant from, Instant to, ScoringPolicy.GravityTable weights) {
    return RfgvScorer.harmOf(between(byTime, from, to), weights).doubleValue();
  }

  private static double crimes(List<IncidentFacts> byTime, Instant from, Instant to) {
    return between(byTime, from, to).stream().filter(AroundEntry::isCrime).count();
  }

  /** A crime names an offence; a non-crime incident names none, or only {@code NON_CRIME}. */
  static boolean isCrime(IncidentFacts incident) {
    return incident.offenceCategories().stream()
        .anyMatch(category -> !ScoringPolicy.GravityTable.NON_CRIME.equals(category));
  }

  private static double newVictims(List<IncidentFacts> byTime, Instant from, Instant to) {
    Set<IncidentFacts.VictimKey> seenBefore = victims(between(byTime, Instant.MIN, from));
    Set<IncidentFacts.VictimKey> inPeriod = victims(between(byTime, from, to));
    inPeriod.removeAll(seenBefore);
    return inPeriod.size();
  }

  private static Set<IncidentFacts.VictimKey> victims(List<IncidentFacts> incidents) {
    Set<IncidentFacts.VictimKey> victims = new HashSet<>();
    incidents.forEach(incident -> victims.addAll(incident.victims()));
    return victims;
  }

  /** Harm in each 30-day month from twelve months before entry to twelve after. */
  private static List<Double> monthlyHarm(
      List<IncidentFacts> byTime, Instant index, ScoringPolicy.GravityTable weights) {
    Double[] months = new Double[2 * MONTHS_EACH_SIDE];
    for (int month = -MONTHS_EACH_SIDE; month < MONTHS_EACH_SIDE; month++) {
      Instant from = index.plus(MONTH.multipliedBy(month));
      months[month + MONTHS_EACH_SIDE] = harm(byTime, from, from.plus(MONTH), weights);
    }
    return List.of(months);
  }
}
