package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PncIdTest {

  @Nested
  class WithAFourDigitYear {

    @Test
    void pads_the_serial_to_seven_digits_and_upper_cases_the_letter() {
      assertThat(PncId.normalise("2019/12345x", 2026)).contains(new PncId("2019/0012345X"));
    }
  }

  @Nested
  class WithATwoDigitYear {

    @Test
    void reads_a_year_not_after_the_recorded_year_as_this_century() {
      assertThat(PncId.normalise("26/1A", 2026)).contains(new PncId("2026/0000001A"));
    }

    @Test
    void reads_a_year_after_the_recorded_year_as_the_last_century() {
      assertThat(PncId.normalise("27/1A", 2026)).contains(new PncId("1927/0000001A"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2019/0012345", "219/1X", "2019/12345678X", "2019-1X", "", "2019/1XX"})
  void rejects_anything_else(String raw) {
    assertThat(PncId.normalise(raw, 2026)).isEmpty();
  }
}
