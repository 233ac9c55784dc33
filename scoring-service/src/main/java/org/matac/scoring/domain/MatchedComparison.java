package org.matac.scoring.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * A matched comparison: each person an intervention took on is paired with the most similar person
 * who met the same entry rule at the same time (the same stratum: for MATAC, the same cycle) and
 * was not taken on, and the change in each outcome from the year before entry to the year after is
 * compared between the pairs (a difference in differences). Both members of a pair were chosen at
 * the same kind of peak, so the fall that regression to the mean brings is in both and cancels;
 * what remains is the intervention's effect, if the matching covariates capture why some were taken
 * on and others not. That assumption cannot be tested from the data: docs/evaluation.md.
 */
public final class MatchedComparison {

  /** Fewer matched pairs than this and no estimate is made: it would be noise. */
  public static final int FEWEST_PAIRS = 30;

  /** Fewer matched pairs than this and the estimate carries a warning. */
  public static final int PAIRS_FOR_CONFIDENCE = 60;

  /**
   * A comparison person is a match only if their harm in the year before entry is within this many
   * standard deviations of the treated person's.
   */
  public static final double HARM_CALIPER = 0.1;

  /** A standardised mean difference above this is an imbalance worth a reader's attention. */
  public static final double IMBALANCE = 0.1;

  private MatchedComparison() {}

  /** A person in the evaluation: who, the stratum they were chosen in, and their measures. */
  public record Subject(String id, String stratum, AroundEntry.Measures measures) {}

  /** What the match balances on, in order of importance. */
  public enum Covariate {
    HARM_BEFORE(measures -> Optional.of(measures.harm().before())),
    CRIMES_BEFORE(measures -> Optional.of(measures.crimes().before())),
    TRAJECTORY(measures -> Optional.of(measures.trajectory())),
    VICTIMS_BEFORE(measures -> Optional.of((double) measures.victimsBefore())),
    AGE(measures -> measures.ageAtEntry().map(Integer::doubleValue)),
    DAYS_SINCE_LAST_INCIDENT(
        measures -> measures.daysSinceLastIncident().map(Integer::doubleValue));

    private final Function<AroundEntry.Measures, Optional<Double>> value;

    Covariate(Function<AroundEntry.Measures, Optional<Double>> value) {
      this.value = value;
    }
  }

  /** The outcomes compared, each over the year before entry and the year after. */
  public enum Measure {
    HARM(AroundEntry.Measures::harm),
    CRIMES(AroundEntry.Measures::crimes),
    NEW_VICTIMS(AroundEntry.Measures::newVictims);

    private final Function<AroundEntry.Measures, AroundEntry.Periods> periods;

    Measure(Function<AroundEntry.Measures, AroundEntry.Periods> periods) {
      this.periods = periods;
    }

    public AroundEntry.Periods of(AroundEntry.Measures measures) {
      return periods.apply(measures);
    }
  }

  public enum Strength {
    /** Too few pairs: no estimate. */
    TOO_FEW,
    /** An estimate, from fewer pairs than {@link #PAIRS_FOR_CONFIDENCE}: read with care. */
    FEW,
    ENOUGH
  }

  /**
   * How alike the two groups are on one covariate, before matching (everyone taken on against
   * everyone who could have been) and after (the pairs); {@code unknown} people had no value and
   * were given the mean of those who had.
   */
  public record Balance(
      Covariate covariate,
      double treatedMean,
      double poolMean,
      double differenceBefore,
      double matchedTreatedMean,
      double matchedComparisonMean,
      double differenceAfter,
      int unknown) {

    /** Read by the console, which flags the row (serialised as {@code imbalanced}). */
    public boolean isImbalanced() {
      return Math.abs(differenceAfter) > IMBALANCE;
    }
  }

  /**
   * The difference in differences for one outcome: the mean change among the matched treated less
   * the mean change among their comparisons, and that as a share of what the treated would have had
   * after entry had they changed as their comparisons did.
   */
  public record Estimate(
      Measure measure,
      double treatedChange,
      double comparisonChange,
      double difference,
      Bootstrap.Interval interval,
      double relative) {

    /**
     * Whether the interval holds no change at all (serialised as {@code consistentWithNoEffect}).
     */
    public boolean isConsistentWithNoEffect() {
      return interval.contains(0);
    }
  }

  public record Pair(Subject treated, Subject comparison) {}

  public record Result(
      int treated,
      int pool,
      List<Pair> pairs,
      int unmatched,
      Strength strength,
      List<Balance> balance,
      List<Estimate> estimates,
      int resamples,
      long seed) {}

  public static Result compare(
      List<Subject> treated, List<Subject> pool, int resamples, long seed) {
    Covariates covariates = Covariates.of(treated, pool);
    List<Pair> pairs = match(treated, pool, covariates);
    Strength strength =
        pairs.size() < FEWEST_PAIRS
            ? Strength.TOO_FEW
            : pairs.size() < PAIRS_FOR_CONFIDENCE ? Strength.FEW : Strength.ENOUGH;
    List<Balance> balance = new ArrayList<>();
    for (Covariate covariate : Covariate.values()) {
      balance.add(covariates.balance(covariate, treated, pool, pairs));
    }
    List<Estimate> estimates = new ArrayList<>();
    if (strength != Strength.TOO_FEW) {
      for (Measure measure : Measure.values()) {
        estimates.add(estimate(measure, pairs, covariates, resamples, seed));
      }
    }
    return new Result(
        treated.size(),
        pool.size(),
        pairs,
        treated.size() - pairs.size(),
        strength,
        balance,
        estimates,
        resamples,
        seed);
  }

  /**
   * Greedy nearest-neighbour matching without replacement, within the stratum: the treated with the
   * highest harm before entry first (the hardest to match), each taking the unused comparison
   * closest on the standardised covariates whose harm lies within the caliper.
   */
  private static List<Pair> match(
      List<Subject> treated, List<Subject> pool, Covariates covariates) {
    Map<String, List<Subject>> poolByStratum = new HashMap<>();
    pool.forEach(
        subject ->
            poolByStratum.computeIfAbsent(subject.stratum(), s -> new ArrayList<>()).add(subject));
    List<Subject> hardestFirst = new ArrayList<>(treated);
    hardestFirst.sort(
        Comparator.comparing(Subject::stratum)
            .thenComparing(
                Comparator.comparingDouble((Subject subject) -> subject.measures().harm().before())
                    .reversed())
            .thenComparing(Subject::id));
    Set<Subject> used = new HashSet<>();
    List<Pair> pairs = new ArrayList<>();
    double caliper = HARM_CALIPER * covariates.spread(Covariate.HARM_BEFORE);
    for (Subject person : hardestFirst) {
      Subject nearest = null;
      double nearestDistance = Double.POSITIVE_INFINITY;
      for (Subject candidate : poolByStratum.getOrDefault(person.stratum(), List.of())) {
        if (used.contains(candidate)
            || Math.abs(candidate.measures().harm().before() - person.measures().harm().before())
                > caliper) {
          continue;
        }
        double distance = covariates.distance(person, candidate);
        if (distance < nearestDistance
            || (distance == nearestDistance && candidate.id().compareTo(nearest.id()) < 0)) {
          nearest = candidate;
          nearestDistance = distance;
        }
      }
      if (nearest != null) {
        used.add(nearest);
        pairs.add(new Pair(person, nearest));
      }
    }
    return pairs;
  }

  /**
   * The difference in differences over the pairs, bias-corrected (Abadie and Imbens): a pair is
   * never matched exactly, so each comparison's change is moved by what a straight-line fit of
   * change on the covariates, among the comparisons, says the remaining difference in covariates is
   * worth. Without it a treated person who had a little more recorded before than their comparison
   * would owe part of their fall to regression to the mean, and the estimate would flatter the
   * intervention.
   */
  private static Estimate estimate(
      Measure measure, List<Pair> pairs, Covariates covariates, int resamples, long seed) {
    double[][] comparisonCovariates = new double[pairs.size()][];
    double[] comparisonChangeAsFound = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      comparisonCovariates[i] = covariates.standardised(pairs.get(i).comparison());
      comparisonChangeAsFound[i] = measure.of(pairs.get(i).comparison().measures()).change();
    }
    double[] fit = LeastSquares.fit(comparisonCovariates, comparisonChangeAsFound);
    double[] treatedChange = new double[pairs.size()];
    double[] comparisonChange = new double[pairs.size()];
    double[] treatedBefore = new double[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      Pair pair = pairs.get(i);
      treatedChange[i] = measure.of(pair.treated().measures()).change();
      comparisonChange[i] =
          comparisonChangeAsFound[i]
              + LeastSquares.predict(fit, covariates.standardised(pair.treated()))
              - LeastSquares.predict(fit, comparisonCovariates[i]);
      treatedBefore[i] = measure.of(pair.treated().measures()).before();
    }
    double difference = mean(treatedChange) - mean(comparisonChange);
    Bootstrap.Interval interval =
        Bootstrap.interval(
            pairs.size(),
            resamples,
            seed,
            draw -> {
              double sum = 0;
              for (int i = 0; i < treatedChange.length; i++) {
                sum += treatedChange[draw.applyAsInt(i)] - comparisonChange[draw.applyAsInt(i)];
              }
              return sum / treatedChange.length;
            });
    double counterfactualAfter = mean(treatedBefore) + mean(comparisonChange);
    return new Estimate(
        measure,
        mean(treatedChange),
        mean(comparisonChange),
        difference,
        interval,
        counterfactualAfter <= 0 ? 0 : difference / counterfactualAfter);
  }

  /**
   * The covariates of everyone in the evaluation, with unknown values given the mean of the known
   * ones, and each covariate's spread across everyone, which puts them on one scale.
   */
  private static final class Covariates {

    private final Map<Covariate, Double> meanOfKnown = new HashMap<>();
    private final Map<Covariate, Double> spread = new HashMap<>();

    static Covariates of(List<Subject> treated, List<Subject> pool) {
      Covariates covariates = new Covariates();
      List<Subject> everyone = new ArrayList<>(treated);
      everyone.addAll(pool);
      for (Covariate covariate : Covariate.values()) {
        double[] known =
            everyone.stream()
                .map(subject -> covariate.value.apply(subject.measures()))
                .flatMap(Optional::stream)
                .mapToDouble(Double::doubleValue)
                .toArray();
        double mean = known.length == 0 ? 0 : mean(known);
        covariates.meanOfKnown.put(covariate, mean);
        double sd = Math.sqrt(variance(known));
        covariates.spread.put(covariate, sd > 0 ? sd : 1);
      }
      return covariates;
    }

    double value(Covariate covariate, Subject subject) {
      return covariate.value.apply(subject.measures()).orElse(meanOfKnown.get(covariate));
    }

    double spread(Covariate covariate) {
      return spread.get(covariate);
    }

    double[] standardised(Subject subject) {
      Covariate[] all = Covariate.values();
      double[] values = new double[all.length];
      for (int i = 0; i < all.length; i++) {
        values[i] = value(all[i], subject) / spread(all[i]);
      }
      return values;
    }

    double distance(Subject one, Subject other) {
      double[] first = standardised(one);
      double[] second = standardised(other);
      double squared = 0;
      for (int i = 0; i < first.length; i++) {
        squared += (first[i] - second[i]) * (first[i] - second[i]);
      }
      return Math.sqrt(squared);
    }

    Balance balance(
        Covariate covariate, List<Subject> treated, List<Subject> pool, List<Pair> pairs) {
      ToDoubleFunction<Subject> value = subject -> value(covariate, subject);
      double[] allTreated = treated.stream().mapToDouble(value).toArray();
      double[] allPool = pool.stream().mapToDouble(value).toArray();
      double[] matchedTreated = pairs.stream().map(Pair::treated).mapToDouble(value).toArray();
      double[] matchedComparison =
          pairs.stream().map(Pair::comparison).mapToDouble(value).toArray();
      int unknown =
          (int)
              Stream.concat(treated.stream(), pool.stream())
                  .filter(subject -> covariate.value.apply(subject.measures()).isEmpty())
                  .count();
      return new Balance(
          covariate,
          mean(allTreated),
          mean(allPool),
          standardisedDifference(allTreated, allPool),
          mean(matchedTreated),
          mean(matchedComparison),
          standardisedDifference(matchedTreated, matchedComparison),
          unknown);
    }
  }

  /**
   * The difference of the means in units of the two groups' pooled standard deviation: 0 when the
   * groups are alike, and unaffected by the number of people, unlike a test of significance.
   */
  static double standardisedDifference(double[] treated, double[] comparison) {
    if (treated.length == 0 || comparison.length == 0) {
      return 0;
    }
    double pooled = Math.sqrt((variance(treated) + variance(comparison)) / 2);
    double difference = mean(treated) - mean(comparison);
    return pooled == 0 ? 0 : difference / pooled;
  }

  private static double mean(double[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
  }

  /** The sample variance (n - 1). */
  private static double variance(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return squares / (values.length - 1);
  }
}
