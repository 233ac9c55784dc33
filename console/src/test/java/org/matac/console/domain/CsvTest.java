package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotes_commas_and_doubles_quotes() {
    assertThat(Csv.cell("Fakeperson, Testy")).isEqualTo("\"Fakeperson, Testy\"");
    assertThat(Csv.cell("the \"plan\"")).isEqualTo("\"the \"\"plan\"\"\"");
  }

  @Test
  void writes_a_would_be_formula_as_text() {
    assertThat(Csv.cell("=HYPERLINK(\"http://example.invalid\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"");
    assertThat(Csv.cell("-1+1")).isEqualTo("\"'-1+1\"");
  }

  @Test
  void writes_nothing_for_a_missing_value() {
    assertThat(Csv.cell(null)).isEmpty();
  }
}
