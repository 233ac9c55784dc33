package org.matac.importer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A mapping file: which agency the import sends as, which record type every row is, and how each
 * envelope field is made from the file's columns. See importer/samples/ for a whole one.
 */
record Mapping(String agency, String type, ZoneId zone, List<FieldRule> rules) {

  private static final Set<String> KEYS = Set.of("agency", "type", "zone", "fields");
  private static final ZoneId UK = ZoneId.of("Europe/London");

  static Mapping read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new MappingException(file + " cannot be read: " + e.getMessage());
    }
  }

  static Mapping parse(String yaml, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JacksonException e) {
      throw new MappingException(
          name + " is not valid YAML: " + e.getOriginalMessage() + locationOf(e));
    }
    return of(root);
  }

  static Mapping of(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MappingException("A mapping holds agency, type and fields");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new MappingException(
            "'" + name + "' is not a mapping key; use " + String.join(", ", KEYS));
      }
    }
    String agency = required(root, "agency");
    String type = required(root, "type");
    ZoneId zone = zone(root.get("zone"));
    JsonNode fields = root.get("fields");
    if (fields == null || !fields.isObject() || fields.isEmpty()) {
      throw new MappingException("'fields' names each envelope field and where it comes from");
    }
    List<FieldRule> rules = new ArrayList<>();
    fields.fields().forEachRemaining(f -> rules.add(FieldRule.of(f.getKey(), f.getValue(), zone)));
    Mapping mapping = new Mapping(agency, type, zone, List.copyOf(rules));
    if (mapping.rule("sourceReference").isEmpty()) {
      throw new MappingException(
          "'fields' must say where sourceReference comes from: rows that share it are one record");
    }
    return mapping;
  }

  Optional<FieldRule> rule(String path) {
    return rules.stream().filter(r -> r.path().text().equals(path)).findFirst();
  }

  /** The columns the mapping reads that the file does not have; none for a file that fits. */
  List<String> missingColumns(Collection<String> header) {
    Set<String> missing = new LinkedHashSet<>();
    rules.forEach(
        rule -> rule.columns().stream().filter(c -> !header.contains(c)).forEach(missing::add));
    return List.copyOf(missing);
  }

  private static String required(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new MappingException(
          "'"
              + key
              + "' is required: the "
              + (key.equals("agency")
                  ? "agency the import sends as (your token's agency)"
                  : "record type of every row, such as INCIDENT_REPORTED"));
    }
    return node.asText().strip();
  }

  private static ZoneId zone(JsonNode node) {
    if (node == null) {
      return UK;
    }
    try {
      return ZoneId.of(node.asText());
    } catch (DateTimeException e) {
      throw new MappingException("'zone' is a time zone such as Europe/London");
    }
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }
}
