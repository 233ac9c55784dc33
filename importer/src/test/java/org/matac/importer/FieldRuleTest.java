package org.matac.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FieldRuleTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private static FieldRule rule(String field, String yaml) {
    try {
      return FieldRule.of(field, YAML.readTree(yaml), UK);
    } catch (Exception e) {
      if (e instanceof MappingException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode value(FieldRule rule, Map<String, String> row) {
    FieldRule.Outcome outcome = rule.apply(row);
    assertThat(outcome.problem()).isEmpty();
    return outcome.value().orElseThrow();
  }

  private static String problem(FieldRule rule, Map<String, String> row) {
    return rule.apply(row).problem().orElseThrow();
  }

  @Nested
  class A_column {

    @Test
    void gives_its_cell_without_surrounding_spaces() {
      assertThat(
              value(rule("perpetrator.givenName", "Forename"), Map.of("Forename", " Alpha "))
                  .asText())
          .isEqualTo("Alpha");
    }

    @Test
    void that_is_empty_leaves_the_field_out() {
      FieldRule.Outcome outcome = rule("perpetrator.pncId", "PNC").apply(Map.of("PNC", "  "));

      assertThat(outcome.value()).isEmpty();
      assertThat(outcome.problem()).isEmpty();
    }
  }

  @Nested
  class A_template {

    private final FieldRule reference =
        rule("sourceReference", "{template: '{Occurrence}/{Nominal}'}");

    @Test
    void joins_its_cells() {
      assertThat(value(reference, Map.of("Occurrence", "44/1/25", "Nominal", "N-1")).asText())
          .isEqualTo("44/1/25/N-1");
    }

    @Test
    void with_any_cell_empty_leaves_the_field_out_rather_than_half_a_reference() {
      assertThat(reference.apply(Map.of("Occurrence", "44/1/25", "Nominal", "")).value()).isEmpty();
    }

    @Test
    void reads_the_columns_it_names() {
      assertThat(reference.columns()).containsExactly("Occurrence", "Nominal");
    }
  }

  @Nested
  class A_value_map {

    private final FieldRule relationship =
        rule(
            "payload.victims[].relationship",
            "{column: Relationship, values: {Ex-partner: EX_PARTNER, Partner: INTIMATE_PARTNER}}");

    @Test
    void maps_the_files_words_whatever_their_case_and_spacing() {
      assertThat(value(relationship, Map.of("Relationship", "  EX-PARTNER ")).asText())
          .isEqualTo("EX_PARTNER");
    }

    @Test
    void refuses_a_word_it_does_not_list_and_says_which_and_for_what() {
      assertThat(problem(relationship, Map.of("Relationship", "Lodger")))
          .isEqualTo(
              "column 'Relationship' has 'Lodger', which the mapping's values for"
                  + " payload.victims[].relationship do not list");
    }

    @Test
    void quotes_at_most_forty_characters_of_an_unlisted_word() {
      assertThat(problem(relationship, Map.of("Relationship", "x".repeat(100))))
          .contains("'" + "x".repeat(40) + "…'");
    }

    @Test
    void with_otherwise_gives_that_for_an_unlisted_word() {
      FieldRule category =
          rule(
              "payload.offences[].category",
              "{column: Offence, values: {Common assault: COMMON_ASSAULT}, otherwise: OTHER}");

      assertThat(value(category, Map.of("Offence", "Robbery")).asText()).isEqualTo("OTHER");
    }

    @Test
    void may_give_yes_or_no() {
      FieldRule crimed = rule("payload.crimed", "{column: Crimed, values: {Crime: true}}");

      assertThat(value(crimed, Map.of("Crimed", "crime")).isBoolean()).isTrue();
    }
  }

  @Nested
  class Reading_as {

    @Test
    void integer_takes_thousands_separators_and_refuses_words() {
      FieldRule version = rule("recordVersion", "{column: Version, as: integer}");

      assertThat(value(version, Map.of("Version", "1,002")).asLong()).isEqualTo(1002);
      assertThat(problem(version, Map.of("Version", "two")))
          .isEqualTo("column 'Version' is not a whole number");
    }

    @Test
    void boolean_takes_the_common_ways_of_saying_yes_and_no() {
      FieldRule crimed = rule("payload.crimed", "{column: Crimed, as: boolean}");

      for (String yes : new String[] {"Y", "yes", "TRUE", "1"}) {
        assertThat(value(crimed, Map.of("Crimed", yes)).asBoolean()).isTrue();
      }
      for (String no : new String[] {"n", "No", "false", "0"}) {
        assertThat(value(crimed, Map.of("Crimed", no)).asBoolean()).isFalse();
      }
      assertThat(problem(crimed, Map.of("Crimed", "maybe")))
          .isEqualTo("column 'Crimed' is not yes or no; map its words with 'values'");
    }

    @Test
    void date_refuses_a_day_the_month_does_not_have_without_quoting_it() {
      FieldRule born =
          rule("perpetrator.dateOfBirth", "{column: DOB, as: date, format: dd/MM/yyyy}");

      assertThat(value(born, Map.of("DOB", "28/02/1990")).asText()).isEqualTo("1990-02-28");
      assertThat(problem(born, Map.of("DOB", "31/02/1990")))
          .isEqualTo("column 'DOB' is not a date like dd/MM/yyyy")
          .doesNotContain("1990");
    }

    @Test
    void instant_reads_a_local_time_in_the_partnerships_zone_in_summer_and_in_winter() {
      FieldRule occurred =
          rule("occurredAt", "{column: When, as: instant, format: 'dd/MM/yyyy HH:mm'}");

      assertThat(value(occurred, Map.of("When", "15/01/2025 21:14")).asText())
          .isEqualTo("2025-01-15T21:14:00Z");
      assertThat(value(occurred, Map.of("When", "15/07/2025 21:14")).asText())
          .isEqualTo("2025-07-15T20:14:00Z");
    }

    @Test
    void instant_with_a_date_only_format_is_the_start_of_that_day_in_the_zone() {
      FieldRule recorded =
          rule("recordedAt", "{column: Recorded, as: instant, format: dd/MM/yyyy}");

      assertThat(value(recorded, Map.of("Recorded", "01/07/2025")).asText())
          .isEqualTo("2025-06-30T23:00:00Z");
    }

    @Test
    void instant_without_a_format_takes_rfc_3339_with_its_offset() {
      FieldRule occurred = rule("occurredAt", "{column: When, as: instant}");

      assertThat(value(occurred, Map.of("When", "2025-07-15T21:14:00+01:00")).asText())
          .isEqualTo("2025-07-15T20:14:00Z");
    }
  }

  @Nested
  class A_rule_that_cannot_work {

    @Test
    void names_two_sources() {
      assertThatThrownBy(() -> rule("area", "{column: District, value: SOUTHAMPTON}"))
          .hasMessage("area: give exactly one of column, template, value");
    }

    @Test
    void has_a_key_it_does_not_know() {
      assertThatThrownBy(() -> rule("area", "{column: District, colum: x}"))
          .hasMessageStartingWith("area: 'colum' is not a rule key");
    }

    @Test
    void gives_a_format_to_text() {
      assertThatThrownBy(() -> rule("area", "{column: District, format: dd/MM/yyyy}"))
          .hasMessage("area: 'format' only goes with as: date or as: instant");
    }

    @Test
    void sets_what_the_importer_sets_itself() {
      assertThatThrownBy(() -> rule("source", "Agency"))
          .hasMessageStartingWith("source: the importer sets this itself");
    }

    @Test
    void names_a_column_yaml_reads_as_yes_or_no_and_says_to_quote_it() {
      assertThatThrownBy(() -> rule("recordedAt", "{column: On}"))
          .hasMessage(
              "recordedAt: 'column' must be text; quote a name YAML reads as something"
                  + " else, as \"On\", \"No\" or \"2024\"");
    }

    @Test
    void lists_twice_the_same_word_in_another_case() {
      assertThatThrownBy(() -> rule("area", "{column: D, values: {Fareham: FAREHAM, FAREHAM: X}}"))
          .hasMessageContaining("'FAREHAM' is listed twice in 'values'");
    }
  }
}
