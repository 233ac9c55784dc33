package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingPackTest {

  @Test
  void starts_with_the_header_and_ends_each_row_as_spreadsheets_expect() {
    String csv = MeetingPack.csv(List.of(List.of("1", "Testy Fakeperson")));

    assertThat(csv).startsWith("Rank,Name,Score,").endsWith("\r\n1,Testy Fakeperson\r\n");
  }

  @Test
  void quotes_commas_and_doubles_quotes() {
    assertThat(MeetingPack.cell("Fakeperson, Testy")).isEqualTo("\"Fakeperson, Testy\"");
    assertThat(MeetingPack.cell("the \"plan\"")).isEqualTo("\"the \"\"plan\"\"\"");
  }

  @Test
  void writes_a_would_be_formula_as_text() {
    assertThat(MeetingPack.cell("=HYPERLINK(\"http://example.invalid\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
    assertThat(MeetingPack.cell("-1+1")).isEqualTo("\"'-1+1\"");
  }

  @Test
  void writes_nothing_for_a_missing_value() {
    assertThat(MeetingPack.cell(null)).isEmpty();
  }
}
