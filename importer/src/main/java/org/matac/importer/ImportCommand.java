package org.matac.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar importer/target/matac-import.jar --mapping M --file F [--dry-run]}: maps a CSV
 * file with a mapping file, says what becomes of every row, and (without --dry-run) sends the rest
 * to tracking's batch API. docs/operations.md, "Bringing the spreadsheet in", walks through it.
 */
@Command(
    name = "matac-import",
    description = {
      "Imports a spreadsheet saved as CSV, or a records-system CSV extract, through the partner"
          + " contract. Run it with --dry-run first: it reads and checks every row and sends"
          + " nothing. Importing the same file again adds nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every record was sent (or, in a dry run, is ready to send)",
      "1:some rows cannot be mapped, break the contract or were rejected: see the report",
      "2:the mapping, the file or the options are wrong: nothing was sent",
      "3:the import stopped before it had sent everything: run it again"
    })
public final class ImportCommand implements Callable<Integer> {

  static final int MAPPING_OR_USAGE = 2;
  static final int STOPPED = 3;
  private static final List<Duration> PAUSES =
      List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(15));

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "shows this help")
  boolean help;

  @Option(names = "--mapping", required = true, description = "the mapping file (YAML)")
  Path mappingFile;

  @Option(names = "--file", required = true, description = "the CSV file, with a header row")
  Path file;

  @Option(names = "--dry-run", description = "check every row and send nothing")
  boolean dryRun;

  @Option(
      names = "--tracking-url",
      description = "tracking-service's address; default: $MATAC_TRACKING_URL")
  Optional<URI> trackingUrl;

  @Option(
      names = "--token-file",
      description =
          "a file holding a PARTNER_SYSTEM token of the mapping's agency; default: $MATAC_TOKEN"
              + " (never the token itself on the command line, where others can see it)")
  Optional<Path> tokenFile;

  @Option(names = "--report", description = "writes what became of every record to this CSV file")
  Optional<Path> report;

  @Option(
      names = "--envelopes",
      description = "writes the envelopes that are ready to send to this file, one JSON per line")
  Optional<Path> envelopes;

  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description =
          "envelopes per request, 1 to " + BatchApi.MAX_BATCH + "; default ${DEFAULT-VALUE}")
  int batchSize;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  ImportCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true)));
  }

  /** Runs the command as its main would, writing to {@code out}, and returns its exit code. */
  public static int execute(String[] args, Map<String, String> environment, PrintWriter out) {
    CommandLine command = new CommandLine(new ImportCommand(environment));
    command.setOut(out).setErr(out);
    command.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof MappingException) {
            out.println("Nothing was sent. " + e.getMessage() + ".");
            return MAPPING_OR_USAGE;
          }
          throw e;
        });
    return command.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (batchSize < 1 || batchSize > BatchApi.MAX_BATCH) {
      throw new MappingException("--batch-size is 1 to " + BatchApi.MAX_BATCH);
    }
    Optional<BatchApi> api = dryRun ? Optional.empty() : Optional.of(api());
    Mapping mapping = Mapping.read(mappingFile);
    Extract extract = Extract.read(file);
    List<ImportPlan.Record> records = new ImportPlan(mapping, new ContractCheck()).records(extract);
    ImportRun run =
        api.map(batch -> ImportRun.send(records, batch, batchSize))
            .orElseGet(() -> ImportRun.dryRun(records));
    tell(out, mapping, extract, run);
    if (report.isPresent()) {
      writeReport(report.get(), run);
    }
    if (envelopes.isPresent()) {
      writeEnvelopes(envelopes.get(), records);
    }
    if (run.stopped().isPresent()) {
      return STOPPED;
    }
    return run.allFine() ? 0 : 1;
  }

  private BatchApi api() throws IOException {
    URI url =
        trackingUrl
            .or(() -> Optional.ofNullable(environment.get("MATAC_TRACKING_URL")).map(URI::create))
            .orElseThrow(
                () -> new MappingException("Give --tracking-url or set MATAC_TRACKING_URL"));
    String token;
    if (tokenFile.isPresent()) {
      token = Files.readString(tokenFile.get()).strip();
    } else {
      token = Optional.ofNullable(environment.get("MATAC_TOKEN")).map(String::strip).orElse("");
    }
    if (token.isEmpty()) {
      throw new MappingException(
          "Give --token-file or set MATAC_TOKEN: a PARTNER_SYSTEM token"
              + " of the mapping's agency");
    }
    return new BatchApi(url, token, PAUSES);
  }

  private void tell(PrintWriter out, Mapping mapping, Extract extract, ImportRun run) {
    out.printf(
        "%s: %d rows, %d records of %s as %s.%n",
        file.getFileName(),
        extract.rows().size(),
        run.lines().size(),
        mapping.type(),
        mapping.agency());
    run.recordCounts().forEach((outcome, count) -> out.printf("  %6d %s%n", count, outcome.words));
    for (ImportRun.Line line : run.lines()) {
      if (!line.outcome().fine && line.outcome() != ImportRun.Outcome.NOT_SENT) {
        out.printf("%s %s:%n", rows(line.record().rows()), line.outcome().verb);
        line.reasons().forEach(reason -> out.printf("    %s%n", reason));
      }
    }
    run.stopped().ifPresent(reason -> out.println("The import stopped: " + reason));
    if (dryRun) {
      out.println("Dry run: nothing was sent.");
    }
  }

  private static String rows(List<Integer> rows) {
    return (rows.size() == 1 ? "Row " : "Rows ")
        + rows.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static void writeReport(Path path, ImportRun run) throws IOException {
    CsvMapper csv = new CsvMapper();
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("rows")
            .addColumn("sourceReference")
            .addColumn("eventId")
            .addColumn("outcome")
            .addColumn("reasons")
            .build()
            .withHeader();
    List<List<String>> rows = new ArrayList<>();
    for (ImportRun.Line line : run.lines()) {
      ImportPlan.Record record = line.record();
      rows.add(
          List.of(
              record.rows().stream().map(String::valueOf).collect(Collectors.joining(" ")),
              record.sourceReference().orElse(""),
              record.eventId().map(Object::toString).orElse(""),
              line.outcome().name(),
              String.join("; ", line.reasons())));
    }
    try (Writer writer = Files.newBufferedWriter(path)) {
      csv.writer(schema).writeValues(writer).writeAll(rows);
    }
  }

  private static void writeEnvelopes(Path path, List<ImportPlan.Record> records)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (ImportPlan.Record record : records) {
      if (record.sendable()) {
        lines.add(json.writeValueAsString(record.envelope().orElseThrow()));
      }
    }
    Files.write(path, lines);
  }
}
