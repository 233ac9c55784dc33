package org.matac.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What became of every record of a file: not mapped, breaking the contract, ready (in a dry run),
 * or what intake answered. A record never sent because the import stopped says so.
 */
final class ImportRun {

  enum Outcome {
    NOT_MAPPED("cannot be mapped", "cannot be mapped", false),
    BREAKS_CONTRACT("break the partner contract", "breaks the partner contract", false),
    READY("ready to send", "is ready to send", true),
    ACCEPTED("accepted", "was accepted", true),
    DUPLICATE("already there (sent before)", "was already there", true),
    REJECTED("rejected by tracking", "was rejected by tracking", false),
    NOT_SENT("not sent: the import stopped", "was not sent", false);

    /** For a count of records: "5 cannot be mapped". */
    final String words;

    /** For one record: "Row 9 cannot be mapped". */
    final String verb;

    final boolean fine;

    Outcome(String words, String verb, boolean fine) {
      this.words = words;
      this.verb = verb;
      this.fine = fine;
    }
  }

  record Line(ImportPlan.Record record, Outcome outcome, List<String> reasons) {}

  private final List<Line> lines;
  private final Optional<String> stopped;

  private ImportRun(List<Line> lines, Optional<String> stopped) {
    this.lines = List.copyOf(lines);
    this.stopped = stopped;
  }

  static ImportRun dryRun(List<ImportPlan.Record> records) {
    return new ImportRun(
        records.stream()
            .map(r -> r.sendable() ? new Line(r, Outcome.READY, List.of()) : verdictOf(r))
            .toList(),
        Optional.empty());
  }

  static ImportRun send(List<ImportPlan.Record> records, BatchApi api, int batchSize) {
    List<Line> lines = new ArrayList<>();
    List<ImportPlan.Record> sendable = new ArrayList<>();
    for (ImportPlan.Record record : records) {
      if (record.sendable()) {
        sendable.add(record);
      } else {
        lines.add(verdictOf(record));
      }
    }
    Optional<String> stopped = Optional.empty();
    for (int from = 0; from < sendable.size(); from += batchSize) {
      List<ImportPlan.Record> batch =
          sendable.subList(from, Math.min(from + batchSize, sendable.size()));
      if (stopped.isEmpty()) {
        try {
          List<BatchApi.Answer> answers =
              api.send(batch.stream().map(r -> r.envelope().orElseThrow()).toList());
          for (int i = 0; i < batch.size(); i++) {
            lines.add(answered(batch.get(i), answers.get(i)));
          }
          continue;
        } catch (BatchApi.Stopped e) {
          stopped = Optional.of(e.getMessage());
        }
      }
      String reason = stopped.get();
      batch.forEach(r -> lines.add(new Line(r, Outcome.NOT_SENT, List.of(reason))));
    }
    lines.sort((a, b) -> Integer.compare(a.record().rows().get(0), b.record().rows().get(0)));
    return new ImportRun(lines, stopped);
  }

  private static Line answered(ImportPlan.Record record, BatchApi.Answer answer) {
    return switch (answer.status()) {
      case "ACCEPTED" -> new Line(record, Outcome.ACCEPTED, List.of());
      case "DUPLICATE" -> new Line(record, Outcome.DUPLICATE, List.of());
      default -> new Line(record, Outcome.REJECTED, withAdvice(answer.reasons()));
    };
  }

  /** The one refusal an import itself causes: the file changed since it was first imported. */
  private static List<String> withAdvice(List<String> reasons) {
    List<String> advised = new ArrayList<>(reasons);
    if (reasons.stream().anyMatch(r -> r.startsWith("eventId:"))) {
      advised.add(
          "this record was imported before with other content; a correction needs a"
              + " higher recordVersion (map a version column), or it stays as first imported");
    }
    return List.copyOf(advised);
  }

  /** A record the plan could not make sendable keeps the plan's verdict whatever the run. */
  private static Line verdictOf(ImportPlan.Record record) {
    Outcome outcome = record.envelope().isPresent() ? Outcome.BREAKS_CONTRACT : Outcome.NOT_MAPPED;
    return new Line(record, outcome, record.problems());
  }

  List<Line> lines() {
    return lines;
  }

  Optional<String> stopped() {
    return stopped;
  }

  Map<Outcome, Integer> recordCounts() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    lines.forEach(l -> counts.merge(l.outcome(), 1, Integer::sum));
    return counts;
  }

  boolean allFine() {
    return lines.stream().allMatch(l -> l.outcome().fine);
  }
}
