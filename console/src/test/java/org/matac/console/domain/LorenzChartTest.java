package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LorenzChartTest {

  /** Harms 1, 2, 3, 4: cumulative 0, 0.1, 0.3, 0.6, 1.0 at people 0, 1/4, 2/4, 3/4, 1. */
  private static final List<LorenzChart.Point> FOUR_PEOPLE =
      List.of(
          new LorenzChart.Point(0, 0),
          new LorenzChart.Point(0.25, 0.1),
          new LorenzChart.Point(0.5, 0.3),
          new LorenzChart.Point(0.75, 0.6),
          new LorenzChart.Point(1, 1));

  @Nested
  class ACurveOfFourPeople {

    private final LorenzChart chart = LorenzChart.of(FOUR_PEOPLE, 232, 232);

    @Test
    void draws_a_point_per_person_inside_the_margins() {
      // The plot is 232 - 2·32 = 168 wide and high, so a quarter of it is 42.
      assertThat(chart.curve())
          .isEqualTo("32.0,200.0 74.0,183.2 116.0,149.6 158.0,99.2 200.0,32.0");
    }

    @Test
    void reads_the_tenths_between_the_points() {
      // Half of the people (the two lowest) caused 0.3; 90% lies 3/5 of the way from 0.6 to 1.0.
      assertThat(chart.tenths().get(4)).isEqualTo(new LorenzChart.Tenth(50, 30.0));
      assertThat(chart.tenths().get(8)).isEqualTo(new LorenzChart.Tenth(90, 84.0));
      assertThat(chart.tenths().get(9)).isEqualTo(new LorenzChart.Tenth(100, 100.0));
    }

    @Test
    void says_in_words_what_the_lowest_harm_half_and_nine_tenths_caused() {
      assertThat(chart.summary())
          .startsWith("The lowest-harm half of people caused 30% of all harm,")
          .contains("the lowest-harm nine tenths 84%");
    }
  }

  @Nested
  class ACurveOfManyPeople {

    @Test
    void is_drawn_with_about_a_hundred_points_ending_at_the_last() {
      List<LorenzChart.Point> curve = new ArrayList<>();
      for (int i = 0; i <= 1_000; i++) {
        curve.add(new LorenzChart.Point(i / 1_000.0, Math.pow(i / 1_000.0, 3)));
      }

      String drawn = LorenzChart.of(curve, 232, 232).curve();

      assertThat(drawn.split(" ")).hasSize(101);
      assertThat(drawn).endsWith("200.0,32.0");
    }
  }
}
