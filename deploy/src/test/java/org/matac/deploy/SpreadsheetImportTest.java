package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.matac.importer.ImportCommand;

/**
 * The importer's sample (importer/samples/) brought into the running stack as a partnership would
 * on its first day: a dry run that sends nothing, the import, and the same import again, which adds
 * nothing. The sample's faulty rows are placed on purpose; its six good records are these.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpreadsheetImportTest {

  private static final Path SAMPLES = Path.of("../importer/samples");
  private static final int GOOD_RECORDS = 6;

  @TempDir Path directory;

  private final Api api = new Api();
  private LocalStack stack;

  @BeforeAll
  void stack() {
    stack = RunningStack.stack();
  }

  @Test
  @Order(1)
  void a_dry_run_checks_every_row_and_sends_nothing() {
    Run run = importSample(RunningStack.partner("HAMPSHIRE_POLICE"), "--dry-run");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.outcomes()).filteredOn("READY"::equals).hasSize(GOOD_RECORDS);
    assertThat(profilesOf("N-100001")).isEmpty();
  }

  @Test
  @Order(2)
  void the_import_sends_the_records_that_keep_the_contract_and_reports_the_rest() {
    Run run = importSample(RunningStack.partner("HAMPSHIRE_POLICE"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.outcomes()).filteredOn("ACCEPTED"::equals).hasSize(GOOD_RECORDS);
    assertThat(run.outcomes())
        .filteredOn(outcome -> !outcome.equals("ACCEPTED"))
        .containsOnly("NOT_MAPPED", "BREAKS_CONTRACT");
    assertThat(run.output()).contains("Row 9 cannot be mapped:");
  }

  @Test
  @Order(3)
  void the_imported_person_has_each_incident_once_with_its_victims_gathered_and_latest_version() {
    JsonNode incidents = incidentsOf("N-100001");

    assertThat(incidents.findValuesAsText("incidentRef"))
        .containsExactlyInAnyOrder("44/00101/23", "44/00187/23", "44/00455/23");
    JsonNode first = incident(incidents, "44/00101/23");
    // Rows 2 and 3: one occurrence, two victims (an analyst sees them numbered, not by reference).
    assertThat(first.path("victims")).hasSize(2);
    assertThat(first.path("occurredAt").asText()).isEqualTo("2023-01-03T21:14:00Z");
    // Version 2 of 44/00187/23 raised the DASH risk from medium to high.
    assertThat(incident(incidents, "44/00187/23").path("dashRisk").asText()).isEqualTo("HIGH");
  }

  @Test
  @Order(4)
  void importing_the_same_file_again_adds_nothing() {
    JsonNode before = incidentsOf("N-100001");

    Run again = importSample(RunningStack.partner("HAMPSHIRE_POLICE"));

    assertThat(again.outcomes()).filteredOn("DUPLICATE"::equals).hasSize(GOOD_RECORDS);
    assertThat(again.outcomes()).doesNotContain("ACCEPTED");
    assertThat(incidentsOf("N-100001")).isEqualTo(before);
  }

  @Test
  @Order(5)
  void an_import_as_another_agency_is_rejected_record_by_record_by_tracking() {
    Run run = importSample(RunningStack.partner("SOUTHAMPTON_IDVA"));

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.outcomes()).filteredOn("REJECTED"::equals).hasSize(GOOD_RECORDS);
    assertThat(run.output()).contains("source: a partner system may only send as its own agency");
  }

  @Test
  @Order(6)
  void a_token_tracking_does_not_trust_stops_the_import_and_says_so() {
    Run run = importSample("not-a-token");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.outcomes()).filteredOn("NOT_SENT"::equals).hasSize(GOOD_RECORDS);
    assertThat(run.output()).contains("Tracking refused the token (401)");
  }

  private record Run(int exit, String output, List<String> outcomes) {}

  private Run importSample(String token, String... more) {
    Path report = directory.resolve("report-" + System.nanoTime() + ".csv");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mapping", SAMPLES.resolve("records-extract.mapping.yaml").toString(),
                "--file", SAMPLES.resolve("records-extract.csv").toString(),
                "--tracking-url", stack.url(LocalStack.Service.TRACKING),
                "--report", report.toString()));
    args.addAll(List.of(more));
    StringWriter output = new StringWriter();
    int exit =
        ImportCommand.execute(
            args.toArray(String[]::new),
            Map.of("MATAC_TOKEN", token),
            new PrintWriter(output, true));
    return new Run(exit, output.toString(), outcomes(report));
  }

  private static List<String> outcomes(Path report) {
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(Files.newBufferedReader(report))) {
      return rows.readAll().stream().map(row -> row.get("outcome")).toList();
    } catch (IOException e) {
      throw new IllegalStateException("The import wrote no report", e);
    }
  }

  private List<JsonNode> profilesOf(String nominal) {
    return api.items(
        LocalStack.Service.TRACKING,
        "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=" + nominal,
        analyst());
  }

  private JsonNode incidentsOf(String nominal) {
    List<JsonNode> profiles = profilesOf(nominal);
    assertThat(profiles).hasSize(1);
    return api.get(
            LocalStack.Service.TRACKING,
            "/api/v1/perpetrators/" + profiles.get(0).path("id").asText(),
            analyst())
        .path("profile")
        .path("incidents");
  }

  private static JsonNode incident(JsonNode incidents, String incidentRef) {
    return StreamSupport.stream(incidents.spliterator(), false)
        .filter(incident -> incident.path("incidentRef").asText().equals(incidentRef))
        .findFirst()
        .orElseThrow();
  }

  private String analyst() {
    return stack
        .issuer()
        .mint(
            "analyst-1", List.of("ANALYST"), "HAMPSHIRE_POLICE", List.of(), Duration.ofMinutes(30));
  }
}
