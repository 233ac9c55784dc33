package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

  // 560 wide leaves 560 - 200 for labels - 56 for figures = 304 pixels for the longest bar.
  private final BarChart chart =
      BarChart.of(
          List.of(
              new BarChart.Row("Referred", 40, "40"),
              new BarChart.Row("Claimed", 10, "10"),
              new BarChart.Row("Declined", null, "<10"),
              new BarChart.Row("Closed", 0, "0")),
          560);

  @Test
  void draws_the_largest_count_full_length_and_the_rest_in_proportion() {
    assertThat(chart.bars()).extracting(BarChart.Bar::length).containsExactly(304, 76, 0, 0);
  }

  @Test
  void gives_a_suppressed_count_no_bar_but_keeps_its_words() {
    assertThat(chart.bars().get(2).shown()).isEqualTo("<10");
  }

  @Test
  void stacks_one_row_under_another() {
    assertThat(chart.height()).isEqualTo(4 * 32);
    assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly(6, 38, 70, 102);
  }
}
