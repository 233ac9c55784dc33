package org.matac.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

  private static final List<String> HEADER =
      List.of("Ref", "Version", "When", "Person", "Offence", "Victim");

  private static final Mapping MAPPING =
      Mapping.parse(
          """
          agency: HAMPSHIRE_POLICE
          type: INCIDENT_REPORTED
          fields:
            sourceReference: { template: "{Ref}/{Person}" }
            recordVersion: { column: Version, as: integer }
            occurredAt: { column: When, as: instant, format: "dd/MM/yyyy HH:mm" }
            recordedAt: { column: When, as: instant, format: "dd/MM/yyyy HH:mm" }
            area: { value: SOUTHAMPTON }
            perpetrator.sourcePersonId: Person
            payload.incidentRef: Ref
            payload.crimed: { value: true }
            payload.offences[].category: { column: Offence, values: { ABH: ABH, Damage: CRIMINAL_DAMAGE } }
            payload.victims[].victimRef: Victim
            payload.victims[].relationship: { value: EX_PARTNER }
          """,
          "test mapping");

  private static List<ImportPlan.Record> plan(String... rows) {
    List<Extract.Row> extractRows = new ArrayList<>();
    int number = 1;
    for (String row : rows) {
      String[] cells = row.split("\\|", -1);
      Map<String, String> byColumn = new LinkedHashMap<>();
      for (int i = 0; i < HEADER.size(); i++) {
        byColumn.put(HEADER.get(i), cells[i]);
      }
      extractRows.add(new Extract.Row(++number, byColumn));
    }
    return new ImportPlan(MAPPING, new ContractCheck()).records(new Extract(HEADER, extractRows));
  }

  private static JsonNode envelope(ImportPlan.Record record) {
    assertThat(record.problems()).isEmpty();
    return record.envelope().orElseThrow();
  }

  @Nested
  class Rows_that_share_a_source_reference {

    private final List<ImportPlan.Record> records =
        plan(
            "44/1|1|03/01/2025 21:14|N-1|ABH|V-1",
            "44/1|1|03/01/2025 21:14|N-1|ABH|V-2",
            "44/1|1|03/01/2025 21:14|N-1|Damage|V-2");

    @Test
    void are_one_record() {
      assertThat(records).hasSize(1);
      assertThat(records.get(0).rows()).containsExactly(2, 3, 4);
    }

    @Test
    void list_each_victim_and_offence_once() {
      JsonNode payload = envelope(records.get(0)).path("payload");

      assertThat(payload.path("victims").findValuesAsText("victimRef"))
          .containsExactly("V-1", "V-2");
      assertThat(payload.path("offences").findValuesAsText("category"))
          .containsExactly("ABH", "CRIMINAL_DAMAGE");
    }

    @Test
    void are_sent_as_the_mappings_agency_with_an_id_named_by_the_record() {
      JsonNode envelope = envelope(records.get(0));

      assertThat(envelope.path("source").asText()).isEqualTo("HAMPSHIRE_POLICE");
      assertThat(envelope.path("type").asText()).isEqualTo("INCIDENT_REPORTED");
      assertThat(envelope.path("eventId").asText())
          .isEqualTo(
              EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/N-1", 1).toString());
    }

    @Test
    void but_disagree_on_a_single_field_cannot_be_sent_and_each_row_is_named() {
      List<ImportPlan.Record> disagreeing =
          plan("44/1|1|03/01/2025 21:14|N-1|ABH|V-1", "44/1|1|03/01/2025 21:45|N-1|ABH|V-2");

      assertThat(disagreeing).hasSize(1);
      assertThat(disagreeing.get(0).sendable()).isFalse();
      assertThat(disagreeing.get(0).problems())
          .contains(
              "rows 2 and 3 disagree on occurredAt (column 'When'), which they must agree on as"
                  + " one record: 44/1/N-1");
    }

    @Test
    void with_one_row_that_cannot_be_mapped_are_not_sent_in_part() {
      List<ImportPlan.Record> partly =
          plan("44/1|1|03/01/2025 21:14|N-1|ABH|V-1", "44/1|1|03/01/2025 21:14|N-1|Robbery|V-2");

      assertThat(partly.get(0).sendable()).isFalse();
      assertThat(partly.get(0).problems()).singleElement().asString().startsWith("row 3: ");
    }
  }

  @Nested
  class Versions_of_a_record {

    @Test
    void are_records_of_their_own_with_their_own_ids() {
      List<ImportPlan.Record> records =
          plan("44/1|1|03/01/2025 21:14|N-1|ABH|V-1", "44/1|2|03/01/2025 21:14|N-1|Damage|V-1");

      assertThat(records).hasSize(2).allMatch(ImportPlan.Record::sendable);
      assertThat(records.get(0).eventId()).isNotEqualTo(records.get(1).eventId());
    }
  }

  @Nested
  class Every_row {

    @Test
    void ends_in_exactly_one_record_whatever_became_of_it() {
      List<ImportPlan.Record> records =
          plan(
              "44/1|1|03/01/2025 21:14|N-1|ABH|V-1",
              "44/2|1|03/01/2025 21:14||ABH|V-1",
              "44/3|1|not a time|N-3|ABH|V-1",
              "44/1|1|03/01/2025 21:14|N-1|ABH|V-2",
              "44/4|1|03/01/2025 21:14|N-4||");

      assertThat(records.stream().flatMap(r -> r.rows().stream()))
          .containsExactlyInAnyOrder(2, 3, 4, 5, 6);
    }
  }

  @Nested
  class A_record_the_contract_refuses {

    @Test
    void says_which_field_and_from_which_columns() {
      List<ImportPlan.Record> records = plan("44/4|1|03/01/2025 21:14|N-4||");

      ImportPlan.Record record = records.get(0);
      assertThat(record.sendable()).isFalse();
      assertThat(record.envelope()).isPresent();
      assertThat(record.problems())
          .anySatisfy(
              problem ->
                  assertThat(problem)
                      .startsWith("payload.offences: ")
                      .endsWith("(from column 'Offence')"));
    }
  }

  @Nested
  class A_file_without_a_column_the_mapping_reads {

    @Test
    void is_refused_before_any_row_naming_the_column_and_the_files_columns() {
      Extract extract = new Extract(List.of("Ref", "When"), List.of());

      assertThatThrownBy(() -> new ImportPlan(MAPPING, new ContractCheck()).records(extract))
          .hasMessageStartingWith(
              "The mapping names columns the file does not have: 'Person', 'Version', 'Offence',"
                  + " 'Victim'.")
          .hasMessageEndingWith("The file's columns are: 'Ref', 'When'");
    }
  }
}
