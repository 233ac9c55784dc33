package org.matac.scoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How concentrated harm is among the people who caused it in a period and area: the share of all
 * harm caused by the highest-harm 1%, 2%, 5% and 10%, the Lorenz curve and its Gini coefficient
 * with a bootstrap interval, and how many people MATAC would have to take on to cover a given share
 * of harm. Harm per person is an input (weighted by a versioned harm-weight table elsewhere); these
 * are plain functions of it, the same on any machine for the same input and seed.
 */
public final class HarmConcentration {

  private HarmConcentration() {}

  /**
   * The highest-harm {@code people} (a {@code fractionOfPeople} of everyone) cause {@code ofHarm}.
   */
  public record Share(double fractionOfPeople, int people, double ofHarm) {}

  /** The lowest-harm {@code people} share of everyone caused {@code harm} share of all harm. */
  public record LorenzPoint(double people, double harm) {}

  /**
   * For each fraction, the share of all harm the highest-harm people make up: a fraction of n
   * people rounds up (5% of 30 is 2 people), and is never less than one person.
   */
  public static List<Share> topShares(double[] harms, double... fractionsOfPeople) {
    double[] descending = descending(harms);
    double total = total(descending);
    List<Share> shares = new ArrayList<>();
    for (double fraction : fractionsOfPeople) {
      int people = Math.max(1, (int) Math.ceil(fraction * descending.length - 1e-9));
      people = Math.min(people, descending.length);
      double harm = 0;
      for (int i = 0; i < people; i++) {
        harm += descending[i];
      }
      shares.add(new Share(fraction, people, harm / total));
    }
    return shares;
  }

  /** The Lorenz curve: from (0, 0) to (1, 1), one point per person, lowest harm first. */
  public static List<LorenzPoint> lorenz(double[] harms) {
    double[] ascending = ascending(harms);
    double total = total(ascending);
    List<LorenzPoint> curve = new ArrayList<>(ascending.length + 1);
    curve.add(new LorenzPoint(0, 0));
    double cumulative = 0;
    for (int i = 0; i < ascending.length; i++) {
      cumulative += ascending[i];
      curve.add(new LorenzPoint((i + 1) / (double) ascending.length, cumulative / total));
    }
    return curve;
  }

  /**
   * The Gini coefficient: 0 when everyone caused the same harm, (n - 1) / n when one person caused
   * it all. With harms sorted ascending as x1..xn: G = 2 Σ i·xi / (n Σ xi) - (n + 1) / n.
   */
  public static double gini(double[] harms) {
    return giniOfAscending(ascending(harms));
  }

  /**
   * A 95% percentile bootstrap interval for the Gini coefficient: {@code resamples} samples of the
   * same size drawn with replacement, seeded so a report can be reproduced.
   */
  public static Bootstrap.Interval giniInterval(double[] harms, int resamples, long seed) {
    double[] people = ascending(harms);
    double[] sample = new double[people.length];
    return Bootstrap.interval(
        people.length,
        resamples,
        seed,
        draw -> {
          for (int i = 0; i < sample.length; i++) {
            sample[i] = people[draw.applyAsInt(i)];
          }
          Arrays.sort(sample);
          return total(sample) == 0 ? 0 : giniOfAscending(sample);
        });
  }

  /**
   * How many of the highest-harm people together caused at least {@code fractionOfHarm} of all
   * harm: the size of a list that would cover that share.
   */
  public static int peopleToCover(double[] harms, double fractionOfHarm) {
    if (fractionOfHarm <= 0 || fractionOfHarm > 1) {
      throw new IllegalArgumentException("the share of harm to cover is more than 0 and at most 1");
    }
    double[] descending = descending(harms);
    double target = fractionOfHarm * total(descending);
    double covered = 0;
    for (int i = 0; i < descending.length; i++) {
      covered += descending[i];
      if (covered >= target - 1e-9 * target) {
        return i + 1;
      }
    }
    return descending.length;
  }

  /**
   * The harm a person caused in {@code area} between {@code from} (inclusive) and {@code to}
   * (exclusive), from their incidents as known at the report's instant: each incident weighs its
   * gravest offence in {@code weights}, as the score's harm does.
   */
  public static double harmIn(
      List<IncidentFacts> known,
      String area,
      Instant from,
      Instant to,
      ScoringPolicy.GravityTable weights) {
    return RfgvScorer.harmOf(
            known.stream()
                .filter(incident -> area.equals(incident.area()))
                .filter(incident -> !incident.occurredAt().isBefore(from))
                .filter(incident -> incident.occurredAt().isBefore(to))
                .toList(),
            weights)
        .doubleValue();
  }

  /**
   * The harm the person caused each of their victims in {@code area} in the period: every incident
   * weighs its gravest offence for each victim it names, so a pair's harm is what that victim
   * suffered from that person. An incident that names no victim belongs to no pair.
   */
  public static List<Double> dyadHarms(
      List<IncidentFacts> known,
      String area,
      Instant from,
      Instant to,
      ScoringPolicy.GravityTable weights) {
    Map<IncidentFacts.VictimKey, Double> byVictim = new HashMap<>();
    for (IncidentFacts incident : known) {
      if (area.equals(incident.area())
          && !incident.occurredAt().isBefore(from)
          && incident.occurredAt().isBefore(to)) {
        double weight = RfgvScorer.gravestWeight(incident, weights).doubleValue();
        incident.victims().forEach(victim -> byVictim.merge(victim, weight, Double::sum));
      }
    }
    return List.copyOf(byVictim.values());
  }

  /** Whether any of the person's known incidents, anywhere, happened before {@code from}. */
  public static boolean knownBefore(List<IncidentFacts> known, Instant from) {
    return known.stream().anyMatch(incident -> incident.occurredAt().isBefore(from));
  }

  private static double giniOfAscending(double[] ascending) {
    int n = ascending.length;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (i + 1) * ascending[i];
    }
    return 2 * weighted / (n * total(ascending)) - (n + 1) / (double) n;
  }

  private static double[] ascending(double[] harms) {
    if (harms.length == 0) {
      throw new IllegalArgumentException("no one caused harm in the period: nothing to measure");
    }
    double[] sorted = harms.clone();
    for (double harm : sorted) {
      if (harm < 0 || Double.isNaN(harm)) {
        throw new IllegalArgumentException("harm is never negative: " + harm);
      }
    }
    Arrays.sort(sorted);
    if (total(sorted) == 0) {
      throw new IllegalArgumentException("no harm was caused in the period: nothing to measure");
    }
    return sorted;
  }

  private static double[] descending(double[] harms) {
    double[] sorted = ascending(harms);
    for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
      double swap = sorted[i];
      sorted[i] = sorted[j];
      sorted[j] = swap;
    }
    return sorted;
  }

  private static double total(double[] harms) {
    double total = 0;
    for (double harm : harms) {
      total += harm;
    }
    return total;
  }
}
