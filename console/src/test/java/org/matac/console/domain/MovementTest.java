package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MovementTest {

  @Test
  void someone_not_on_the_last_list_is_new() {
    assertThat(Movement.between(null, 3).text()).isEqualTo("New");
  }

  @Test
  void a_smaller_rank_number_is_a_climb() {
    assertThat(Movement.between(5, 2)).isEqualTo(new Movement("Up 3 places", "red"));
  }

  @Test
  void a_larger_rank_number_is_a_fall_of_one_place_in_the_singular() {
    assertThat(Movement.between(2, 3)).isEqualTo(new Movement("Down 1 place", "green"));
  }

  @Test
  void the_same_rank_is_no_change() {
    assertThat(Movement.between(4, 4).text()).isEqualTo("No change");
  }
}
