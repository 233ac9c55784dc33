package org.matac.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What an import would send: the file's rows mapped and gathered into records (rows that share a
 * sourceReference are one record, their victims and offences gathered into its lists), each either
 * an envelope that keeps the contract or the reasons it cannot be sent. Nothing is dropped: every
 * row ends in exactly one record.
 */
final class ImportPlan {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One record: the rows it came from, and its envelope or why there is none. */
  record Record(
      List<Integer> rows,
      Optional<String> sourceReference,
      Optional<UUID> eventId,
      Optional<ObjectNode> envelope,
      List<String> problems) {

    boolean sendable() {
      return envelope.isPresent() && problems.isEmpty();
    }
  }

  private final Mapping mapping;
  private final ContractCheck contract;

  ImportPlan(Mapping mapping, ContractCheck contract) {
    this.mapping = mapping;
    this.contract = contract;
  }

  List<Record> records(Extract extract) {
    List<String> missing = mapping.missingColumns(extract.header());
    if (!missing.isEmpty()) {
      throw new MappingException(
          "The mapping names columns the file does not have: '"
              + String.join("', '", missing)
              + "'. The file's columns are: '"
              + String.join("', '", extract.header())
              + "'");
    }
    List<Record> records = new ArrayList<>();
    Map<String, List<MappedRow>> groups = new LinkedHashMap<>();
    for (Extract.Row row : extract.rows()) {
      MappedRow mapped = map(row);
      Optional<String> reference = mapped.sourceReference();
      if (reference.isEmpty()) {
        List<String> problems = new ArrayList<>(mapped.problems());
        problems.add(0, "sourceReference is empty (" + sourceReferenceOrigin() + ")");
        records.add(notSendable(List.of(row.number()), Optional.empty(), problems));
      } else {
        groups.computeIfAbsent(mapped.recordKey(), key -> new ArrayList<>()).add(mapped);
      }
    }
    groups
        .values()
        .forEach(rows -> records.add(record(rows.get(0).sourceReference().orElseThrow(), rows)));
    records.sort((a, b) -> Integer.compare(a.rows().get(0), b.rows().get(0)));
    return List.copyOf(records);
  }

  /** One row's values, path by path, and a row's list elements, before rows are gathered. */
  private record MappedRow(
      int number,
      Map<String, JsonNode> fields,
      Map<List<String>, ObjectNode> elements,
      List<String> problems) {

    Optional<String> sourceReference() {
      return Optional.ofNullable(fields.get("sourceReference")).map(JsonNode::asText);
    }

    /** A record version: an extract with history holds several versions of one record. */
    String recordKey() {
      return sourceReference().orElseThrow() + "\n" + fields.get("recordVersion");
    }
  }

  private MappedRow map(Extract.Row row) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Map<List<String>, ObjectNode> elements = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (FieldRule rule : mapping.rules()) {
      FieldRule.Outcome outcome = rule.apply(row.cells());
      outcome.problem().ifPresent(problems::add);
      if (outcome.value().isEmpty()) {
        continue;
      }
      FieldPath path = rule.path();
      if (path.inList()) {
        path.setInElement(
            elements.computeIfAbsent(path.container(), key -> NODES.objectNode()),
            outcome.value().get());
      } else {
        fields.put(path.text(), outcome.value().get());
      }
    }
    return new MappedRow(row.number(), fields, elements, problems);
  }

  private Record record(String reference, List<MappedRow> rows) {
    List<Integer> numbers = rows.stream().map(MappedRow::number).toList();
    List<String> problems = new ArrayList<>();
    // A record of one row is reported as that row already; a record of several says which.
    String prefix = rows.size() == 1 ? "" : "row %d: ";
    rows.forEach(
        row -> row.problems().forEach(p -> problems.add(prefix.formatted(row.number()) + p)));
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Map<String, Integer> firstRow = new LinkedHashMap<>();
    Map<List<String>, ArrayNode> lists = new LinkedHashMap<>();
    for (MappedRow row : rows) {
      row.fields()
          .forEach(
              (path, value) -> {
                JsonNode earlier = fields.putIfAbsent(path, value);
                firstRow.putIfAbsent(path, row.number());
                if (earlier != null && !earlier.equals(value)) {
                  problems.add(
                      "rows "
                          + firstRow.get(path)
                          + " and "
                          + row.number()
                          + " disagree on "
                          + path
                          + " ("
                          + origin(path)
                          + "), which they must agree on as one record: "
                          + reference);
                }
              });
      row.elements()
          .forEach(
              (path, element) -> {
                ArrayNode list = lists.computeIfAbsent(path, key -> NODES.arrayNode());
                if (!contains(list, element)) {
                  list.add(element);
                }
              });
    }
    long recordVersion =
        Optional.ofNullable(fields.get("recordVersion"))
            .filter(JsonNode::canConvertToLong)
            .map(JsonNode::asLong)
            .orElse(0L);
    UUID eventId = EventIds.of(mapping.agency(), mapping.type(), reference, recordVersion);
    if (!problems.isEmpty()) {
      return notSendable(numbers, Optional.of(reference), problems);
    }
    ObjectNode envelope =
        NODES
            .objectNode()
            .put("eventId", eventId.toString())
            .put("type", mapping.type())
            .put("schemaVersion", 1)
            .put("source", mapping.agency());
    fields.forEach((path, value) -> mapping.rule(path).orElseThrow().path().set(envelope, value));
    lists.forEach((container, list) -> FieldPath.put(envelope, container, list));
    for (ContractCheck.Breach breach : contract.breaches(envelope)) {
      problems.add(breach.field() + ": " + breach.reason() + originSuffix(breach.field()));
    }
    return new Record(
        numbers,
        Optional.of(reference),
        Optional.of(eventId),
        Optional.of(envelope),
        List.copyOf(problems));
  }

  private static boolean contains(ArrayNode list, JsonNode element) {
    for (JsonNode present : list) {
      if (present.equals(element)) {
        return true;
      }
    }
    return false;
  }

  /** Where a field the contract refused came from in the file, when the mapping says. */
  private String originSuffix(String field) {
    String asMapped = field.replaceAll("\\[\\d+]", "[]");
    List<String> origins =
        mapping.rules().stream()
            .filter(
                rule ->
                    rule.path().text().equals(asMapped)
                        || rule.path().inList() && rule.path().listPath().equals(asMapped))
            .map(FieldRule::origin)
            .toList();
    return origins.isEmpty() ? "" : " (from " + String.join(", ", origins) + ")";
  }

  private String origin(String path) {
    return mapping.rule(path).map(FieldRule::origin).orElse(path);
  }

  private String sourceReferenceOrigin() {
    return origin("sourceReference");
  }

  private static Record notSendable(
      List<Integer> rows, Optional<String> reference, List<String> problems) {
    return new Record(rows, reference, Optional.empty(), Optional.empty(), List.copyOf(problems));
  }
}
