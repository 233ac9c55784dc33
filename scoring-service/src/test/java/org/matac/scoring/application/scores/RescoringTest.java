package org.matac.scoring.application.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RescoringTest {

  @Nested
  class TheIdRangesRescoredSideBySide {

    @Test
    void are_one_unbounded_range_when_there_is_one() {
      assertThat(Rescoring.bounds(1)).containsExactly(Optional.empty(), Optional.empty());
    }

    @Test
    void split_the_id_space_in_half_for_two() {
      assertThat(Rescoring.bounds(2))
          .containsExactly(
              Optional.empty(),
              Optional.of(UUID.fromString("80000000-0000-0000-0000-000000000000")),
              Optional.empty());
    }

    @Test
    void rise_in_the_order_postgresql_compares_ids_and_never_equal_a_random_id() {
      List<Optional<UUID>> bounds = Rescoring.bounds(5);
      List<String> inner =
          bounds.subList(1, bounds.size() - 1).stream()
              .map(b -> b.orElseThrow().toString())
              .toList();

      assertThat(inner).hasSize(4).isSorted();
      UUID random = UUID.randomUUID();
      assertThat(random.getLeastSignificantBits()).isNotZero();
      assertThat(inner).allMatch(bound -> UUID.fromString(bound).getLeastSignificantBits() == 0);
    }
  }
}
