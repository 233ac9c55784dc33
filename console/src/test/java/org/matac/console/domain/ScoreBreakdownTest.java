package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreBreakdownTest {

  @Test
  void each_component_adds_its_points_times_the_policys_weight() {
    var parts =
        ScoreBreakdown.of(
            Map.of("recency", 4, "frequency", 2, "gravity", 4, "victims", 3),
            Map.of("recency", 1, "frequency", 1, "gravity", 2, "victims", 2));

    assertThat(parts)
        .containsExactly(
            new ScoreBreakdown.Part("Recency", 4, 1, 4),
            new ScoreBreakdown.Part("Frequency", 2, 1, 2),
            new ScoreBreakdown.Part("Gravity", 4, 2, 8),
            new ScoreBreakdown.Part("Victims", 3, 2, 6));
  }

  @Test
  void a_policy_that_names_no_weight_counts_the_component_once() {
    assertThat(ScoreBreakdown.of(Map.of("gravity", 3), Map.of()).get(2).adds()).isEqualTo(3);
  }
}
