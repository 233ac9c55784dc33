package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A versioned scoring policy, as data: every window, band, weight and gravity value a partnership
 * may change. Every stored score names the policy id that produced it.
 */
public record ScoringPolicy(
    String id,
    int windowDays,
    List<UpTo> recency,
    List<From> frequency,
    List<HarmFrom> gravity,
    List<From> victims,
    Weights weights,
    Flags flags,
    Cohorts cohorts,
    GravityTable gravityTable) {

  /** Points for a value at most {@code upTo} (days), the first band that fits. */
  public record UpTo(int upTo, int points) {}

  /** Points for a count of at least {@code from}; the last band that fits wins. */
  public record From(int from, int points) {}

  /** Points for a positive harm of at least {@code from}; the last band that fits wins. */
  public record HarmFrom(BigDecimal from, int points) {}

  public record Weights(int recency, int frequency, int gravity, int victims) {}

  public record Flags(
      int serialWindowDays,
      int serialMinimumAge,
      int repeatMaxGapDays,
      int escalatingRecentDays,
      int escalatingPriorEndDays) {}

  public record Cohorts(
      int matacThreshold, int matacTopN, int foundationMinimumAge, int foundationMaximumAge) {}

  /** CCHI-style weights in days per offence category, itself versioned. */
  public record GravityTable(String id, Map<String, BigDecimal> weights) {

    public static final String NON_CRIME = "NON_CRIME";

    public BigDecimal weightOf(String category) {
      BigDecimal weight = weights.get(category);
      if (weight == null) {
        throw new IllegalArgumentException(
            "Gravity table " + id + " has no weight for category " + category);
      }
      return weight;
    }
  }
}
