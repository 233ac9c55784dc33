package org.matac.scoring.domain;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The percentile bootstrap every report's intervals use: a statistic recomputed on resamples of the
 * same size drawn with replacement, seeded so that a report can be reproduced to the last digit.
 */
public final class Bootstrap {

  public static final int FEWEST_RESAMPLES = 100;

  private Bootstrap() {}

  /** A 95% interval: the 2.5th and 97.5th percentiles of the resampled statistic. */
  public record Interval(double low, double high) {

    public boolean contains(double value) {
      return low <= value && value <= high;
    }
  }

  /**
   * The interval of {@code statistic} over {@code resamples} resamples of {@code size} items; the
   * statistic is given a draw, which maps each position of the resample to a drawn item's index.
   */
  public static Interval interval(
      int size, int resamples, long seed, ToDoubleFunction<IntUnaryOperator> statistic) {
    if (resamples < FEWEST_RESAMPLES) {
      throw new IllegalArgumentException(
          "a bootstrap needs at least " + FEWEST_RESAMPLES + " resamples");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] statistics = new double[resamples];
    int[] drawn = new int[size];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < size; i++) {
        drawn[i] = random.nextInt(size);
      }
      statistics[r] = statistic.applyAsDouble(position -> drawn[position]);
    }
    Arrays.sort(statistics);
    return new Interval(percentile(statistics, 0.025), percentile(statistics, 0.975));
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }
}
