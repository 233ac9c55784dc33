package org.matac.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

  private final Formats format = new Formats();

  @Test
  void a_code_reads_as_a_sentence_case_phrase() {
    assertThat(format.words("HAMPSHIRE_POLICE")).isEqualTo("Hampshire police");
  }

  @Test
  void acronyms_keep_their_capitals() {
    assertThat(format.words("ABH")).isEqualTo("ABH");
    assertThat(format.words("MARAC_REFERRAL")).isEqualTo("MARAC referral");
  }

  @Test
  void dates_and_instants_are_written_the_gov_uk_way_in_uk_time() {
    assertThat(format.date("2026-12-01")).isEqualTo("1 December 2026");
    assertThat(format.dateTime("2026-07-01T09:05:00Z")).isEqualTo("1 July 2026 at 10:05am");
  }

  @Test
  void shares_read_as_whole_percentages_and_coefficients_to_two_places() {
    assertThat(format.percent(1_277 / 1_467.0)).isEqualTo("87%");
    assertThat(format.twoPlaces(0.4349)).isEqualTo("0.43");
    assertThat(format.percent(null)).isEmpty();
  }
}
