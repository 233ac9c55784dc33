package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScoreChartTest {

  private static final Instant FIRST = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2026-12-01T00:00:00Z");

  @Nested
  class WithoutHistory {

    @Test
    void draws_nothing_and_says_so() {
      ScoreChart chart = ScoreChart.of(List.of(), 480, 160);

      assertThat(chart.points()).isEmpty();
      assertThat(chart.summary()).isEqualTo("No score has been recorded yet.");
    }
  }

  @Nested
  class WithARisingScore {

    private final ScoreChart chart =
        ScoreChart.of(
            List.of(new ScoreChart.Score(FIRST, 10), new ScoreChart.Score(LAST, 20)), 480, 160);

    @Test
    void the_first_score_is_at_the_left_margin_and_the_last_at_the_right() {
      assertThat(chart.points().get(0).x()).isEqualTo(24.0);
      assertThat(chart.points().get(1).x()).isEqualTo(480 - 24.0);
    }

    @Test
    void the_highest_score_touches_the_top_and_half_of_it_sits_half_way_down() {
      assertThat(chart.points().get(1).y()).isEqualTo(24.0);
      assertThat(chart.points().get(0).y()).isEqualTo(24.0 + (160 - 48) / 2.0);
    }

    @Test
    void the_line_joins_the_points_in_time_order() {
      assertThat(chart.polyline()).isEqualTo("24.0,80.0 456.0,24.0");
    }

    @Test
    void tells_the_same_story_in_words() {
      assertThat(chart.summary())
          .isEqualTo("2 scores recorded. The score rose from 10 to 20; the highest was 20.");
    }
  }

  @Nested
  class WithOneScore {

    @Test
    void places_it_in_the_middle() {
      ScoreChart chart = ScoreChart.of(List.of(new ScoreChart.Score(FIRST, 7)), 480, 160);

      assertThat(chart.points().get(0).x()).isEqualTo(240.0);
      assertThat(chart.summary()).isEqualTo("One score recorded: 7.");
    }
  }

  @Nested
  class WithAFallingScore {

    @Test
    void says_it_fell() {
      ScoreChart chart =
          ScoreChart.of(
              List.of(new ScoreChart.Score(FIRST, 18), new ScoreChart.Score(LAST, 9)), 480, 160);

      assertThat(chart.summary()).contains("fell from 18 to 9").contains("highest was 18");
    }
  }
}
