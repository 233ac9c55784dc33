package org.matac.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic MATAC cycles where the truth is known: every person offends at their own steady yearly
 * rate (a Poisson process; rates vary between people), so any fall after entry beyond the planted
 * effect is regression to the mean. In each cycle the people whose harm in the year before met the
 * entry rule are candidates, and the panel takes on more of the higher-harm ones, with a coin that
 * knows nothing about the future. Those taken on offend at {@code 1 - effect} of their rate after
 * entry.
 */
final class SyntheticCycles {

  static final double ENTRY_RULE_HARM = 500;
  private static final int CYCLES = 6;
  private static final int PEOPLE_PER_CYCLE = 500;
  private static final double MEAN_RATE_PER_YEAR = 4;
  private static final Instant FIRST_CYCLE = Instant.parse("2023-01-09T00:00:00Z");
  private static final String[] OFFENCES = {"COMMON_ASSAULT", "ABH", "GBH"};
  private static final double[] OFFENCE_SHARES = {0.70, 0.25, 0.05};

  /** A generated person: the rate they offend at, whether they were taken on, their measures. */
  record Person(MatchedComparison.Subject subject, double ratePerYear, boolean takenOn) {}

  final List<Person> treated = new ArrayList<>();
  final List<Person> pool = new ArrayList<>();
  private final ScoringPolicy.GravityTable weights;
  private final SplittableRandom random;
  private final double effect;
  private final Map<String, Integer> currentVictim = new HashMap<>();
  private int counter;

  private SyntheticCycles(long seed, double effect, ScoringPolicy.GravityTable weights) {
    this.random = new SplittableRandom(seed);
    this.effect = effect;
    this.weights = weights;
  }

  static SyntheticCycles generate(long seed, double effect) {
    SyntheticCycles cycles = new SyntheticCycles(seed, effect, Policies.rfgv1().gravityTable());
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      cycles.cycle("CYCLE-" + cycle, FIRST_CYCLE.plus(Duration.ofDays(28L * cycle)));
    }
    return cycles;
  }

  /** The mean harm of one incident: its offence's gravity weight, averaged over the mix. */
  double meanHarmPerIncident() {
    double mean = 0;
    for (int i = 0; i < OFFENCES.length; i++) {
      mean += OFFENCE_SHARES[i] * weights.weightOf(OFFENCES[i]).doubleValue();
    }
    return mean;
  }

  /**
   * The true effect on the harm of the matched treated in the year after entry: what their rates
   * would have given, times the planted reduction.
   */
  double trueHarmEffectOn(List<MatchedComparison.Pair> pairs) {
    Map<String, Double> rates = new HashMap<>();
    treated.forEach(person -> rates.put(person.subject().id(), person.ratePerYear()));
    double meanRate =
        pairs.stream().mapToDouble(pair -> rates.get(pair.treated().id())).average().orElseThrow();
    return -effect * meanRate * meanHarmPerIncident();
  }

  List<MatchedComparison.Subject> treatedSubjects() {
    return treated.stream().map(Person::subject).toList();
  }

  List<MatchedComparison.Subject> poolSubjects() {
    return pool.stream().map(Person::subject).toList();
  }

  private record Candidate(
      String id, double rate, LocalDate born, List<IncidentFacts> before, double harmBefore) {}

  private void cycle(String stratum, Instant index) {
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < PEOPLE_PER_CYCLE; i++) {
      double rate = gammaOfShapeTwo(MEAN_RATE_PER_YEAR);
      String id = stratum + "/P-" + ++counter;
      List<IncidentFacts> before =
          incidents(id, index.minus(AroundEntry.YEAR.multipliedBy(2)), index, rate);
      double harmBefore =
          RfgvScorer.harmOf(
                  before.stream()
                      .filter(
                          incident -> incident.occurredAt().isAfter(index.minus(AroundEntry.YEAR)))
                      .toList(),
                  weights)
              .doubleValue();
      if (harmBefore >= ENTRY_RULE_HARM) {
        candidates.add(new Candidate(id, rate, bornFor(index), before, harmBefore));
      }
    }
    // The panel takes on more of those with the most harm in the year before, and decides the rest
    // by a coin that knows nothing of their rate or their future.
    candidates.sort(Comparator.comparingDouble(Candidate::harmBefore));
    for (int rank = 0; rank < candidates.size(); rank++) {
      Candidate candidate = candidates.get(rank);
      boolean takenOn = random.nextDouble() < 0.15 + 0.5 * rank / candidates.size();
      double rateAfter = takenOn ? candidate.rate() * (1 - effect) : candidate.rate();
      List<IncidentFacts> history = new ArrayList<>(candidate.before());
      history.addAll(incidents(candidate.id(), index, index.plus(AroundEntry.YEAR), rateAfter));
      Person person =
          new Person(
              new MatchedComparison.Subject(
                  candidate.id(),
                  stratum,
                  AroundEntry.measure(history, index, Optional.of(candidate.born()), weights)),
              candidate.rate(),
              takenOn);
      (takenOn ? treated : pool).add(person);
    }
  }

  /** Incidents of a Poisson process at {@code ratePerYear} between {@code from} and {@code to}. */
  private List<IncidentFacts> incidents(
      String person, Instant from, Instant to, double ratePerYear) {
    List<IncidentFacts> incidents = new ArrayList<>();
    double meanGapSeconds = 365 * 86_400.0 / ratePerYear;
    Instant at = from.plusSeconds((long) exponential(meanGapSeconds));
    while (at.isBefore(to)) {
      int victim = currentVictim.merge(person, random.nextDouble() < 0.15 ? 1 : 0, Integer::sum);
      incidents.add(
          new IncidentFacts(
              "SYNTHETIC_POLICE",
              person + "/INC-" + ++counter,
              person + "/INC-" + counter,
              at,
              at,
              "SYNTHETIC",
              List.of(offence()),
              Set.of(new IncidentFacts.VictimKey("SYNTHETIC_POLICE", person + "/V-" + victim)),
              false,
              true));
      at = at.plusSeconds((long) exponential(meanGapSeconds));
    }
    return incidents;
  }

  private String offence() {
    double draw = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < OFFENCES.length; i++) {
      cumulative += OFFENCE_SHARES[i];
      if (draw < cumulative) {
        return OFFENCES[i];
      }
    }
    return OFFENCES[OFFENCES.length - 1];
  }

  private double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  /** People's rates: a gamma distribution of shape 2, most low, a few high. */
  private double gammaOfShapeTwo(double mean) {
    return exponential(mean / 2) + exponential(mean / 2);
  }

  private LocalDate bornFor(Instant index) {
    return index.atOffset(ZoneOffset.UTC).toLocalDate().minusYears(18 + random.nextInt(40));
  }
}
