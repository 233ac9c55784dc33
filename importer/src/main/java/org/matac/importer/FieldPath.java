package org.matac.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a mapped value goes in the envelope: {@code perpetrator.givenName}, or, with {@code []}, a
 * field of an element of a list ({@code payload.victims[].relationship}) that each row adds to.
 */
record FieldPath(String text, List<String> container, Optional<List<String>> element) {

  /** Fields the importer sets itself: a mapping may not. */
  private static final List<String> RESERVED =
      List.of("eventId", "type", "schemaVersion", "source");

  static FieldPath parse(String text) {
    String[] halves = text.split("\\[]", -1);
    if (halves.length > 2) {
      throw new MappingException(text + ": only one list ([]) per field is supported");
    }
    List<String> container = segments(text, halves[0]);
    if (halves.length == 1) {
      if (container.size() == 1 && RESERVED.contains(container.get(0))) {
        throw new MappingException(
            text + ": the importer sets this itself (source is the mapping's agency)");
      }
      return new FieldPath(text, container, Optional.empty());
    }
    if (!halves[1].startsWith(".")) {
      throw new MappingException(
          text
              + ": name a field of the list's elements after [], as in"
              + " payload.victims[].victimRef");
    }
    return new FieldPath(text, container, Optional.of(segments(text, halves[1].substring(1))));
  }

  private static List<String> segments(String text, String part) {
    List<String> segments = Arrays.asList(part.split("\\.", -1));
    if (segments.stream().anyMatch(String::isBlank)) {
      throw new MappingException(text + ": is not a field path like perpetrator.givenName");
    }
    return segments;
  }

  boolean inList() {
    return element.isPresent();
  }

  /** The list's own path, for example {@code payload.victims}. */
  String listPath() {
    return String.join(".", container);
  }

  /** Sets a top-level (not list) value in an envelope. */
  void set(ObjectNode envelope, JsonNode value) {
    put(envelope, container, value);
  }

  /** Sets this field in one element of its list. */
  void setInElement(ObjectNode elementNode, JsonNode value) {
    put(elementNode, element.orElseThrow(), value);
  }

  static void put(ObjectNode root, List<String> segments, JsonNode value) {
    ObjectNode node = root;
    for (String segment : segments.subList(0, segments.size() - 1)) {
      node = node.has(segment) ? (ObjectNode) node.get(segment) : node.putObject(segment);
    }
    node.set(segments.get(segments.size() - 1), value);
  }
}
