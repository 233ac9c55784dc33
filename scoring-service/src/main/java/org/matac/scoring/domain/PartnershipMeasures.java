package org.matac.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An area's offending measures per calendar month and over the twelve months together, each with
 * its counting unit and written definition. A count from 1 to 9 is suppressed: in an area's month
 * it could point at a person.
 */
public final class PartnershipMeasures {

  /** Counts from 1 up to this are not shown. */
  public static final int SUPPRESSED_UNDER = 10;

  public static final int MONTHS = 12;
  private static final Duration YEAR = Duration.ofDays(365);

  private PartnershipMeasures() {}

  public enum Measure {
    DA_INCIDENTS(
        "DA incidents",
        "incidents",
        "Incidents in the area that happened in the period, each counted once however many"
            + " suspects it had, as recorded by the report's date."),
    DA_CRIMES(
        "DA crimes",
        "incidents",
        "Of those incidents, the ones recorded with an offence other than a non-crime."),
    VICTIMS("Victims", "people", "Different victims of those incidents."),
    REPEAT_VICTIMS(
        "Repeat victims",
        "people",
        "Victims of an incident in the period who were victims of another incident in the area in"
            + " the 365 days before it."),
    PERPETRATORS("Perpetrators", "people", "Different people suspected of those incidents."),
    REPEAT_PERPETRATORS(
        "Repeat perpetrators",
        "people",
        "People suspected of an incident in the period who were suspected of another, in any"
            + " area, in the 365 days before it."),
    SERIAL_PERPETRATORS(
        "Serial perpetrators",
        "people",
        "People suspected of an incident in the period who met the scoring policy's serial rule"
            + " at its end: two or more incidents against two or more victims within the policy's"
            + " serial window, at the policy's minimum age or over.");

    private final Definition definition;

    Measure(String label, String unit, String text) {
      this.definition = new Definition(label, unit, text);
    }

    public Definition definition() {
      return definition;
    }
  }

  /** What a measure is called, what it counts in, and exactly what it counts. */
  public record Definition(String label, String unit, String text) {

    Row row(String measure, List<Cell> months, Cell twelveMonths) {
      return new Row(measure, label, unit, text, months, twelveMonths);
    }
  }

  /** A count as published: the number, or nothing when it is from 1 to 9. */
  public record Cell(Integer value, boolean suppressed) {

    public static Cell of(int count) {
      return count > 0 && count < SUPPRESSED_UNDER ? new Cell(null, true) : new Cell(count, false);
    }
  }

  /** One measure: its definition, a cell per month (oldest first) and the twelve months' cell. */
  public record Row(
      String measure,
      String label,
      String unit,
      String definition,
      List<Cell> months,
      Cell twelveMonths) {}

  public record Table(List<YearMonth> months, List<Row> rows) {}

  /** The twelve whole calendar months (UTC) before the month of {@code asOf}, oldest first. */
  public static List<YearMonth> monthsBefore(Instant asOf) {
    YearMonth current = YearMonth.from(asOf.atOffset(ZoneOffset.UTC));
    List<YearMonth> months = new ArrayList<>();
    for (int back = MONTHS; back >= 1; back--) {
      months.add(current.minusMonths(back));
    }
    return months;
  }

  /** Every measure for {@code area}, from the people's facts as known at {@code asOf}. */
  public static Table of(
      List<PersonFacts> people, String area, Instant asOf, ScoringPolicy policy) {
    List<YearMonth> months = monthsBefore(asOf);
    List<Known> known = new ArrayList<>();
    Map<IncidentFacts.VictimKey, List<Instant>> victimHistory = new HashMap<>();
    Map<String, Instant> areaIncidents = new HashMap<>();
    for (PersonFacts person : people) {
      List<IncidentFacts> incidents = person.incidentsKnownAt(asOf);
      known.add(
          new Known(
              person,
              incidents,
              incidents.stream().map(IncidentFacts::occurredAt).sorted().toList()));
      for (IncidentFacts incident : incidents) {
        if (area.equals(incident.area())
            && areaIncidents.putIfAbsent(key(incident), incident.occurredAt()) == null) {
          incident
              .victims()
              .forEach(
                  victim ->
                      victimHistory
                          .computeIfAbsent(victim, v -> new ArrayList<>())
                          .add(incident.occurredAt()));
        }
      }
    }
    victimHistory.values().forEach(Collections::sort);
    List<Map<Measure, Integer>> perMonth = new ArrayList<>();
    for (YearMonth month : months) {
      perMonth.add(
          counts(known, victimHistory, area, start(month), start(month.plusMonths(1)), policy));
    }
    Map<Measure, Integer> year =
        counts(
            known,
            victimHistory,
            area,
            start(months.get(0)),
            start(months.get(months.size() - 1).plusMonths(1)),
            policy);
    List<Row> rows = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      rows.add(
          measure
              .definition()
              .row(
                  measure.name(),
                  perMonth.stream().map(counts -> Cell.of(counts.get(measure))).toList(),
                  Cell.of(year.get(measure))));
    }
    return new Table(months, rows);
  }

  private record Known(PersonFacts person, List<IncidentFacts> incidents, List<Instant> times) {}

  private static Map<Measure, Integer> counts(
      List<Known> people,
      Map<IncidentFacts.VictimKey, List<Instant>> victimHistory,
      String area,
      Instant from,
      Instant to,
      ScoringPolicy policy) {
    Set<String> incidents = new HashSet<>();
    Set<String> crimes = new HashSet<>();
    Set<IncidentFacts.VictimKey> victims = new HashSet<>();
    Set<IncidentFacts.VictimKey> repeatVictims = new HashSet<>();
    int perpetrators = 0;
    int repeatPerpetrators = 0;
    int serial = 0;
    for (Known person : people) {
      boolean inPeriod = false;
      boolean repeat = false;
      for (IncidentFacts incident : person.incidents()) {
        if (!area.equals(incident.area())
            || incident.occurredAt().isBefore(from)
            || !incident.occurredAt().isBefore(to)) {
          continue;
        }
        inPeriod = true;
        incidents.add(key(incident));
        if (AroundEntry.isCrime(incident)) {
          crimes.add(key(incident));
        }
        for (IncidentFacts.VictimKey victim : incident.victims()) {
          victims.add(victim);
          if (hadOneInTheYearBefore(victimHistory.get(victim), incident.occurredAt())) {
            repeatVictims.add(victim);
          }
        }
        repeat |= hadOneInTheYearBefore(person.times(), incident.occurredAt());
      }
      if (inPeriod) {
        perpetrators++;
        repeatPerpetrators += repeat ? 1 : 0;
        serial += RfgvScorer.isSerial(person.person(), person.incidents(), policy, to) ? 1 : 0;
      }
    }
    Map<Measure, Integer> counts = new EnumMap<>(Measure.class);
    counts.put(Measure.DA_INCIDENTS, incidents.size());
    counts.put(Measure.DA_CRIMES, crimes.size());
    counts.put(Measure.VICTIMS, victims.size());
    counts.put(Measure.REPEAT_VICTIMS, repeatVictims.size());
    counts.put(Measure.PERPETRATORS, perpetrators);
    counts.put(Measure.REPEAT_PERPETRATORS, repeatPerpetrators);
    counts.put(Measure.SERIAL_PERPETRATORS, serial);
    return counts;
  }

  /** Whether any of {@code times} (ascending) lies in the 365 days before {@code at}. */
  private static boolean hadOneInTheYearBefore(List<Instant> times, Instant at) {
    if (times == null) {
      return false;
    }
    Instant from = at.minus(YEAR);
    for (Instant time : times) {
      if (!time.isBefore(at)) {
        return false;
      }
      if (!time.isBefore(from)) {
        return true;
      }
    }
    return false;
  }

  private static String key(IncidentFacts incident) {
    return incident.source() + "\u0000" + incident.incidentRef();
  }

  static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
