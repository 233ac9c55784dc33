package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class MatchedComparisonTest {

  private static final int RESAMPLES = 1_000;
  private static final int POPULATIONS = 20;

  private static MatchedComparison.Estimate harm(MatchedComparison.Result result) {
    return result.estimates().stream()
        .filter(estimate -> estimate.measure() == MatchedComparison.Measure.HARM)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The naive reading: mean harm of everyone taken on, the year after entry less the year before.
   */
  private static double naiveChange(List<MatchedComparison.Subject> treated) {
    return treated.stream()
        .mapToDouble(subject -> subject.measures().harm().change())
        .average()
        .orElseThrow();
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WhereTakingPeopleOnChangedNothing {

    private final List<SyntheticCycles> populations =
        IntStream.rangeClosed(1, POPULATIONS)
            .mapToObj(seed -> SyntheticCycles.generate(seed, 0))
            .toList();

    @Test
    void the_naive_before_and_after_shows_a_fall_of_over_a_fifth_in_every_population() {
      for (SyntheticCycles population : populations) {
        double before =
            population.treatedSubjects().stream()
                .mapToDouble(subject -> subject.measures().harm().before())
                .average()
                .orElseThrow();
        assertThat(naiveChange(population.treatedSubjects())).isLessThan(-before / 5);
      }
    }

    @Test
    void the_matched_estimates_interval_holds_zero_in_at_least_eighteen_of_twenty() {
      List<Double> misses = new ArrayList<>();
      int seed = 0;
      for (SyntheticCycles population : populations) {
        MatchedComparison.Result result =
            MatchedComparison.compare(
                population.treatedSubjects(), population.poolSubjects(), RESAMPLES, ++seed);
        MatchedComparison.Estimate harm = harm(result);
        if (!harm.interval().contains(0)) {
          misses.add(harm.difference());
        }
      }
      assertThat(misses).hasSizeLessThanOrEqualTo(2);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WhereTakingPeopleOnCutOffendingByAThird {

    private static final double EFFECT = 1 / 3.0;

    private final List<SyntheticCycles> populations =
        IntStream.rangeClosed(1, POPULATIONS)
            .mapToObj(seed -> SyntheticCycles.generate(100 + seed, EFFECT))
            .toList();

    @Test
    void the_matched_estimates_interval_holds_the_planted_effect_in_at_least_eighteen_of_twenty() {
      int holds = 0;
      int seed = 0;
      for (SyntheticCycles population : populations) {
        MatchedComparison.Result result =
            MatchedComparison.compare(
                population.treatedSubjects(), population.poolSubjects(), RESAMPLES, ++seed);
        MatchedComparison.Estimate harm = harm(result);
        double truth = population.trueHarmEffectOn(result.pairs());
        holds += harm.interval().contains(truth) ? 1 : 0;
      }
      assertThat(holds).isGreaterThanOrEqualTo(POPULATIONS - 2);
    }

    @Test
    void the_matched_estimate_finds_a_fall_in_every_population() {
      int seed = 0;
      for (SyntheticCycles population : populations) {
        MatchedComparison.Result result =
            MatchedComparison.compare(
                population.treatedSubjects(), population.poolSubjects(), RESAMPLES, ++seed);
        assertThat(harm(result).interval().high()).isNegative();
      }
    }
  }

  @Nested
  class TheStandardisedDifference {

    @Test
    void is_the_difference_of_means_over_the_pooled_standard_deviation() {
      // means 2 and 3, each with a sample variance of 1
      assertThat(
              MatchedComparison.standardisedDifference(
                  new double[] {1, 2, 3}, new double[] {2, 3, 4}))
          .isCloseTo(-1, within(1e-12));
    }

    @Test
    void is_zero_for_groups_that_do_not_vary() {
      assertThat(MatchedComparison.standardisedDifference(new double[] {2, 2}, new double[] {2, 2}))
          .isZero();
    }
  }

  @Nested
  class WithTooFewPairs {

    private final Instant index = Instant.parse("2024-03-04T00:00:00Z");

    private MatchedComparison.Subject person(String id, double harmBefore) {
      AroundEntry.Measures measures =
          new AroundEntry.Measures(
              index,
              new AroundEntry.Periods(0, harmBefore, 0),
              new AroundEntry.Periods(0, 1, 0),
              new AroundEntry.Periods(0, 1, 0),
              0,
              1,
              Optional.empty(),
              Optional.of(10),
              OptionalInt.empty(),
              List.of());
      return new MatchedComparison.Subject(id, "CYCLE", measures);
    }

    @Test
    void gives_no_estimate() {
      List<MatchedComparison.Subject> treated =
          IntStream.range(0, 29).mapToObj(i -> person("T" + i, 100 + i)).toList();
      List<MatchedComparison.Subject> pool =
          IntStream.range(0, 40).mapToObj(i -> person("C" + i, 100 + i)).toList();

      MatchedComparison.Result result = MatchedComparison.compare(treated, pool, RESAMPLES, 1);

      assertThat(result.pairs()).hasSize(29);
      assertThat(result.strength()).isEqualTo(MatchedComparison.Strength.TOO_FEW);
      assertThat(result.estimates()).isEmpty();
    }
  }
}
