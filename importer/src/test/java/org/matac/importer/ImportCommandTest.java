package org.matac.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on the sample shipped in importer/samples/, whose faulty rows are placed on purpose.
 */
class ImportCommandTest {

  static final Path SAMPLE_MAPPING = Path.of("samples/records-extract.mapping.yaml");
  static final Path SAMPLE = Path.of("samples/records-extract.csv");

  @TempDir Path directory;

  private final StringWriter output = new StringWriter();

  private int run(Map<String, String> environment, String... args) {
    return ImportCommand.execute(args, environment, new PrintWriter(output, true));
  }

  /** The command on the shipped sample and its mapping, with {@code more} options. */
  private int runOnTheSample(Map<String, String> environment, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("--mapping", SAMPLE_MAPPING.toString(), "--file", SAMPLE.toString()));
    args.addAll(List.of(more));
    return run(environment, args.toArray(String[]::new));
  }

  private List<Map<String, String>> report(Path file) throws IOException {
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      return rows.readAll();
    }
  }

  @Nested
  class A_dry_run_of_the_sample {

    private Path reportFile;
    private Path envelopes;
    private int exit;
    private List<Map<String, String>> report;

    private void runIt() throws IOException {
      reportFile = directory.resolve("report.csv");
      envelopes = directory.resolve("envelopes.jsonl");
      exit =
          runOnTheSample(
              Map.of(),
              "--dry-run",
              "--report",
              reportFile.toString(),
              "--envelopes",
              envelopes.toString());
      report = report(reportFile);
    }

    private String outcomeOfRow(String row) {
      return report.stream()
          .filter(line -> Arrays.asList(line.get("rows").split(" ")).contains(row))
          .findFirst()
          .orElseThrow()
          .get("outcome");
    }

    @Test
    void accounts_for_every_row_of_the_file_exactly_once() throws IOException {
      runIt();
      long dataRows = Files.readAllLines(SAMPLE).size() - 1;

      List<Integer> reported = new ArrayList<>();
      report.forEach(
          line ->
              Arrays.stream(line.get("rows").split(" "))
                  .map(Integer::valueOf)
                  .forEach(reported::add));
      assertThat(reported)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(2, (int) dataRows + 1).boxed().toList());
    }

    @Test
    void names_each_row_it_cannot_map_and_sends_nothing() throws IOException {
      runIt();

      // Out of the partnership (9), a 31 February (10), no person id (12), an offence the
      // mapping does not list (14), one occurrence at two different times (15 and 16).
      for (String row : List.of("9", "10", "12", "14", "15", "16")) {
        assertThat(outcomeOfRow(row)).as("row " + row).isEqualTo("NOT_MAPPED");
      }
      // Crimed without an offence (11), a PNC id of the wrong shape (13).
      for (String row : List.of("11", "13")) {
        assertThat(outcomeOfRow(row)).as("row " + row).isEqualTo("BREAKS_CONTRACT");
      }
      assertThat(exit).isEqualTo(1);
      assertThat(output.toString())
          .contains("Row 9 cannot be mapped:")
          .contains("column 'District' has 'Bournemouth'")
          .contains("Row 13 breaks the partner contract:")
          .contains("(from column 'PNC ID')")
          .endsWith("Dry run: nothing was sent.\n");
    }

    @Test
    void writes_the_envelopes_it_would_send_each_of_them_within_the_contract() throws IOException {
      runIt();

      ObjectMapper json = new ObjectMapper();
      List<JsonNode> ready = new ArrayList<>();
      for (String line : Files.readAllLines(envelopes)) {
        ready.add(json.readTree(line));
      }
      assertThat(ready)
          .hasSize(
              (int) report.stream().filter(line -> line.get("outcome").equals("READY")).count());
      ContractCheck contract = new ContractCheck();
      assertThat(ready).allSatisfy(envelope -> assertThat(contract.breaches(envelope)).isEmpty());
      assertThat(ready.get(0).path("payload").path("victims")).hasSize(2);
    }
  }

  @Nested
  class Refuses_before_reading_any_row {

    @Test
    void a_mapping_that_is_not_yaml() throws IOException {
      Path broken = Files.writeString(directory.resolve("broken.yaml"), "agency: [unclosed");

      int exit =
          run(Map.of(), "--mapping", broken.toString(), "--file", SAMPLE.toString(), "--dry-run");

      assertThat(exit).isEqualTo(ImportCommand.MAPPING_OR_USAGE);
      assertThat(output.toString()).startsWith("Nothing was sent. ").contains("is not valid YAML");
    }

    @Test
    void an_import_without_a_token() {
      int exit = runOnTheSample(Map.of("MATAC_TRACKING_URL", "http://127.0.0.1:9"));

      assertThat(exit).isEqualTo(ImportCommand.MAPPING_OR_USAGE);
      assertThat(output.toString()).contains("Give --token-file or set MATAC_TOKEN");
    }

    @Test
    void a_batch_larger_than_intake_takes() {
      int exit = runOnTheSample(Map.of(), "--dry-run", "--batch-size", "1001");

      assertThat(exit).isEqualTo(ImportCommand.MAPPING_OR_USAGE);
      assertThat(output.toString()).contains("--batch-size is 1 to 1000");
    }
  }
}
