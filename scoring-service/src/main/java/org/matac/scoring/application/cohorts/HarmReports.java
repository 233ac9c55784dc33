package org.matac.scoring.application.cohorts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.matac.events.FieldError;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.scores.ParsedFactsCache;
import org.matac.scoring.domain.Bootstrap;
import org.matac.scoring.domain.HarmConcentration;
import org.matac.scoring.domain.IncidentFacts;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.support.audit.AreaReports;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * How concentrated harm was in an area over a period: figures about groups, never about a person. A
 * report names the policy whose gravity weights weighed the harm and the bootstrap's seed, so it
 * can be reproduced; an area where fewer than {@link #FEWEST_PEOPLE} people caused harm is not
 * reported, since its shares would point at individuals.
 */
@Singleton
public class HarmReports {

  public static final int FEWEST_PEOPLE = 10;
  static final int RESAMPLES = 1_000;
  private static final double[] GROUPS = {0.01, 0.02, 0.05, 0.10};

  private final ParsedFactsCache parsedFacts;
  private final PolicyCatalogue policies;
  private final AreaReports reports;

  public HarmReports(ParsedFactsCache parsedFacts, PolicyCatalogue policies, AreaReports reports) {
    this.parsedFacts = parsedFacts;
    this.policies = policies;
    this.reports = reports;
  }

  /**
   * The highest-harm {@code people} ({@code fractionOfPeople} of all who caused harm) caused {@code
   * ofHarm} of it; {@code withNoEarlierIncident} of them had no incident recorded before the
   * period.
   */
  public record HighestHarm(
      double fractionOfPeople, int people, double ofHarm, int withNoEarlierIncident) {}

  /** How many of the highest-harm people cover {@code ofHarm} of all harm. */
  public record Coverage(double ofHarm, int people) {}

  /**
   * The same concentration over perpetrator-victim pairs: what share of all harm the pairs with the
   * most harm account for. Absent where fewer than {@link #FEWEST_PEOPLE} pairs were harmed.
   */
  public record Pairs(
      int pairs,
      List<HarmConcentration.Share> highestHarm,
      double gini,
      Bootstrap.Interval giniInterval) {}

  public record Report(
      String area,
      Instant from,
      Instant to,
      Instant asOf,
      String policyId,
      String harmWeights,
      int people,
      double totalHarm,
      List<HighestHarm> highestHarm,
      List<Coverage> coverage,
      double gini,
      Bootstrap.Interval giniInterval,
      int resamples,
      long seed,
      List<HarmConcentration.LorenzPoint> lorenz,
      Pairs pairs) {}

  private record PersonHarm(double harm, boolean knownBefore) {}

  @Transactional
  public Report harmConcentration(
      String area, Instant from, Instant to, Instant asOf, long seed, Caller reader) {
    reports.consult(reader, area, "harm concentration " + from + " to " + to + " as of " + asOf);
    if (!from.isBefore(to)) {
      throw Refused.invalid(
          "The period is empty.", List.of(new FieldError("to", "must be after from")));
    }
    ScoringPolicy policy = policies.active();
    List<PersonHarm> people = new ArrayList<>();
    List<Double> pairs = new ArrayList<>();
    for (ParsedFactsCache.Parsed person : parsedFacts.inArea(area)) {
      List<IncidentFacts> known = person.facts().incidentsKnownAt(asOf);
      pairs.addAll(HarmConcentration.dyadHarms(known, area, from, to, policy.gravityTable()));
      double harm = HarmConcentration.harmIn(known, area, from, to, policy.gravityTable());
      if (harm > 0) {
        people.add(new PersonHarm(harm, HarmConcentration.knownBefore(known, from)));
      }
    }
    if (people.size() < FEWEST_PEOPLE) {
      throw Refused.invalid(
          "Too few people caused harm in "
              + area
              + " in that period to report on without"
              + " pointing at someone: choose a longer period or a larger area.",
          List.of(
              new FieldError(
                  "area", "fewer than " + FEWEST_PEOPLE + " people caused harm in the period")));
    }
    people.sort(Comparator.comparingDouble(PersonHarm::harm).reversed());
    double[] harms = people.stream().mapToDouble(PersonHarm::harm).toArray();
    List<HighestHarm> highest = new ArrayList<>();
    for (HarmConcentration.Share share : HarmConcentration.topShares(harms, GROUPS)) {
      int firstSeen =
          (int)
              people.stream().limit(share.people()).filter(person -> !person.knownBefore()).count();
      highest.add(
          new HighestHarm(share.fractionOfPeople(), share.people(), share.ofHarm(), firstSeen));
    }
    return new Report(
        area,
        from,
        to,
        asOf,
        policy.id(),
        policy.gravityTable().id(),
        harms.length,
        people.stream().mapToDouble(PersonHarm::harm).sum(),
        highest,
        List.of(
            new Coverage(0.5, HarmConcentration.peopleToCover(harms, 0.5)),
            new Coverage(0.8, HarmConcentration.peopleToCover(harms, 0.8))),
        HarmConcentration.gini(harms),
        HarmConcentration.giniInterval(harms, RESAMPLES, seed),
        RESAMPLES,
        seed,
        HarmConcentration.lorenz(harms),
        pairs(pairs, seed));
  }

  private static Pairs pairs(List<Double> harms, long seed) {
    double[] pairHarms =
        harms.stream().mapToDouble(Double::doubleValue).filter(h -> h > 0).toArray();
    if (pairHarms.length < FEWEST_PEOPLE) {
      return null;
    }
    return new Pairs(
        pairHarms.length,
        HarmConcentration.topShares(pairHarms, GROUPS),
        HarmConcentration.gini(pairHarms),
        HarmConcentration.giniInterval(pairHarms, RESAMPLES, seed));
  }
}
