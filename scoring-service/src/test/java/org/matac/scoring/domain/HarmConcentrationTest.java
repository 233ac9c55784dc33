package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HarmConcentrationTest {

  private static final double EXACT = 1e-12;

  @Nested
  class WhenEveryoneCausedTheSameHarm {

    private final double[] harms = new double[10];

    {
      Arrays.fill(harms, 5);
    }

    @Test
    void the_gini_coefficient_is_zero() {
      assertThat(HarmConcentration.gini(harms)).isCloseTo(0, within(EXACT));
    }

    @Test
    void the_highest_harm_tenth_caused_a_tenth() {
      assertThat(HarmConcentration.topShares(harms, 0.10).get(0).ofHarm())
          .isCloseTo(0.10, within(EXACT));
    }

    @Test
    void the_lorenz_curve_is_the_diagonal() {
      assertThat(HarmConcentration.lorenz(harms))
          .allSatisfy(point -> assertThat(point.harm()).isCloseTo(point.people(), within(EXACT)));
    }

    @Test
    void every_resample_is_equal_too_so_the_interval_is_zero_wide() {
      assertThat(HarmConcentration.giniInterval(harms, 200, 1))
          .isEqualTo(new Bootstrap.Interval(0, 0));
    }
  }

  @Nested
  class WhenOnePersonCausedAllOfIt {

    private final double[] harms = {0, 0, 0, 12};

    @Test
    void the_gini_coefficient_is_n_minus_one_over_n() {
      assertThat(HarmConcentration.gini(harms)).isCloseTo(3 / 4.0, within(EXACT));
    }

    @Test
    void that_one_person_is_the_top_quarter_and_caused_everything() {
      HarmConcentration.Share top = HarmConcentration.topShares(harms, 0.25).get(0);

      assertThat(top.people()).isEqualTo(1);
      assertThat(top.ofHarm()).isCloseTo(1, within(EXACT));
    }
  }

  @Nested
  class AWorkedExample {

    // Harms 1, 2, 3, 4 (total 10). Σ i·xi = 1 + 4 + 9 + 16 = 30, so
    // G = 2·30 / (4·10) - 5/4 = 1.5 - 1.25 = 0.25.
    private final double[] harms = {3, 1, 4, 2};

    @Test
    void gives_the_gini_coefficient_worked_by_hand() {
      assertThat(HarmConcentration.gini(harms)).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void draws_the_lorenz_curve_from_the_lowest_harm_up() {
      assertThat(HarmConcentration.lorenz(harms))
          .extracting(HarmConcentration.LorenzPoint::harm)
          .containsExactly(0.0, 0.1, 0.3, 0.6, 1.0);
    }
  }

  @Nested
  class PerpetratorVictimPairs {

    private final Instant from = Incidents.AS_OF.minusSeconds(86_400L * 60);

    @Test
    void weigh_each_incident_for_every_victim_it_names_in_the_area_and_period() {
      // A GBH against V-1 and V-2 (547 each), an ABH against V-1 (365); an assault elsewhere
      // and one before the period count for no pair.
      List<Double> pairs =
          HarmConcentration.dyadHarms(
              List.of(
                  Incidents.daysBefore(10).offences("GBH").victims("V-1", "V-2").build(),
                  Incidents.daysBefore(5).offences("ABH").victims("V-1").build(),
                  Incidents.daysBefore(5).area("PORTSMOUTH").victims("V-3").build(),
                  Incidents.daysBefore(90).victims("V-4").build()),
              "SOUTHAMPTON",
              from,
              Incidents.AS_OF,
              Policies.rfgv1().gravityTable());

      assertThat(pairs).containsExactlyInAnyOrder(547.0 + 365.0, 547.0);
    }
  }

  @Nested
  class TheHighestHarmShares {

    @Test
    void round_a_fraction_of_people_up_and_take_at_least_one() {
      double[] thirty = IntStream.rangeClosed(1, 30).asDoubleStream().toArray();

      assertThat(HarmConcentration.topShares(thirty, 0.01, 0.05, 0.10))
          .extracting(HarmConcentration.Share::people)
          .containsExactly(1, 2, 3);
      // The top 3 of 1..30 are 30, 29 and 28: 87 of a total of 465.
      assertThat(HarmConcentration.topShares(thirty, 0.10).get(0).ofHarm())
          .isCloseTo(87 / 465.0, within(EXACT));
    }
  }

  @Nested
  class HowManyPeopleCoverAShareOfHarm {

    private final double[] harms = {10, 50, 10, 30};

    @Test
    void counts_the_highest_harm_people_until_the_share_is_reached() {
      assertThat(HarmConcentration.peopleToCover(harms, 0.50)).isEqualTo(1);
      assertThat(HarmConcentration.peopleToCover(harms, 0.80)).isEqualTo(2);
      assertThat(HarmConcentration.peopleToCover(harms, 0.81)).isEqualTo(3);
      assertThat(HarmConcentration.peopleToCover(harms, 1.0)).isEqualTo(4);
    }
  }

  @Nested
  class TheBootstrapInterval {

    private final double[] skewed =
        IntStream.rangeClosed(1, 200).mapToDouble(i -> i % 20 == 0 ? 100 : i % 3).toArray();

    @Test
    void holds_the_estimate_and_has_width() {
      double gini = HarmConcentration.gini(skewed);
      Bootstrap.Interval interval = HarmConcentration.giniInterval(skewed, 1_000, 7);

      assertThat(interval.low()).isLessThan(gini);
      assertThat(interval.high()).isGreaterThan(gini);
    }

    @Test
    void is_the_same_for_the_same_seed_so_a_report_can_be_reproduced() {
      assertThat(HarmConcentration.giniInterval(skewed, 500, 42))
          .isEqualTo(HarmConcentration.giniInterval(skewed, 500, 42));
    }
  }

  @Nested
  class NothingToMeasure {

    @Test
    void is_refused_when_no_one_or_no_harm_is_given_or_a_harm_is_negative() {
      assertThatThrownBy(() -> HarmConcentration.gini(new double[0]))
          .hasMessageContaining("no one caused harm");
      assertThatThrownBy(() -> HarmConcentration.gini(new double[] {0, 0}))
          .hasMessageContaining("no harm was caused");
      assertThatThrownBy(() -> HarmConcentration.gini(new double[] {3, -1}))
          .hasMessageContaining("never negative");
    }
  }
}
