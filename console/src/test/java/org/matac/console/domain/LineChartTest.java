package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineChartTest {

  @Nested
  class TwoLinesOnA136By136Chart {

    // A 36-pixel margin leaves a 64-pixel square: x 0..4 and y 0..8 map 16 and 8 pixels per unit.
    private final LineChart chart =
        LineChart.of(
            List.of(new LineChart.Point(0, 0), new LineChart.Point(4, 8)),
            List.of(new LineChart.Point(2, 4)),
            0,
            4,
            1,
            2.0,
            136,
            136);

    @Test
    void scales_both_lines_to_the_highest_point_of_either() {
      assertThat(chart.first()).isEqualTo("36.0,100.0 100.0,36.0");
      assertThat(chart.second()).isEqualTo("68.0,68.0");
      assertThat(chart.topLabel()).isEqualTo("8");
    }

    @Test
    void marks_the_given_x_from_top_to_bottom_of_the_plot() {
      assertThat(chart.marker()).isEqualTo("68.0,36 68.0,100");
    }
  }

  @Nested
  class AStepLine {

    @Test
    void stays_flat_until_each_step_then_drops_and_runs_on_to_the_end() {
      assertThat(
              LineChart.steps(
                  List.of(new LineChart.Point(0, 1), new LineChart.Point(50, 0.5)), 365))
          .containsExactly(
              new LineChart.Point(0, 1),
              new LineChart.Point(50, 1),
              new LineChart.Point(50, 0.5),
              new LineChart.Point(365, 0.5));
    }
  }

  @Test
  void an_empty_chart_still_has_a_scale() {
    LineChart chart = LineChart.of(List.of(), List.of(), 0, 365, 0, null, 560, 300);
    assertThat(chart.topLabel()).isEqualTo("1");
    assertThat(chart.marker()).isNull();
  }
}
