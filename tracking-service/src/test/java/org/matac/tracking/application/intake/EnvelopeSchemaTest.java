package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/partner-envelope.schema.json, which partners validate against offline, says what intake
 * accepts: an envelope of each type with every field is valid and accepted, and each field in turn
 * removed, emptied, made one character too long, given the wrong kind of value or null is refused
 * by the schema exactly when intake refuses it. What a schema cannot say (the partnership's own
 * area codes, dates of birth after today, who may send what) is left to intake and the contract.
 */
class EnvelopeSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ENVELOPES = Path.of("src/test/resources/envelopes");
  private static final JsonSchema SCHEMA = schema();
  private static final EnvelopeParser INTAKE =
      new EnvelopeParser(
          new IntakeRules(
              List.of("SOUTHAMPTON"), List.of("HAMPSHIRE_POLICE"), defaultOffenceCategories()),
          Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

  private static JsonSchema schema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(JSON.readTree(Path.of("../docs/partner-envelope.schema.json").toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("The schema cannot be read", e);
    }
  }

  /** The offence categories of the default gravity table, as the service is configured. */
  private static List<String> defaultOffenceCategories() {
    try {
      Matcher line =
          Pattern.compile("offence-categories: (\\S+)")
              .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
      assertThat(line.find()).isTrue();
      return Arrays.asList(line.group(1).split(","));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> envelopes() throws IOException {
    try (Stream<Path> files = Files.list(ENVELOPES)) {
      return files.sorted().toList().stream();
    }
  }

  private static boolean schemaAccepts(JsonNode envelope) {
    return SCHEMA.validate(envelope).isEmpty();
  }

  private static boolean intakeAccepts(JsonNode envelope) {
    return INTAKE.parse(envelope).errors().isEmpty();
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** Every field of the envelope, as a path of names and array indexes, objects and lists first. */
  private static List<List<Object>> fieldsOf(JsonNode node, List<Object> at) {
    List<List<Object>> fields = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                List<Object> path = new ArrayList<>(at);
                path.add(name);
                fields.add(path);
                fields.addAll(fieldsOf(node.get(name), path));
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<Object> path = new ArrayList<>(at);
        path.add(i);
        fields.add(path);
        fields.addAll(fieldsOf(node.get(i), path));
      }
    }
    return fields;
  }

  /** A copy of the envelope with the field at {@code path} replaced (null value: removed). */
  private static JsonNode changed(JsonNode envelope, List<Object> path, JsonNode value) {
    JsonNode copy = envelope.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
    }
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove((String) last);
      } else {
        object.set((String) last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      if (value == null) {
        array.remove((Integer) last);
      } else {
        array.set((Integer) last, value);
      }
    }
    return copy;
  }

  /** For each field, the envelope with that field changed so, and both verdicts equal. */
  private static void assertAgreeOnEveryField(Path file, Function<List<Object>, JsonNode> change)
      throws IOException {
    JsonNode envelope = read(file);
    for (List<Object> path : fieldsOf(envelope, List.of())) {
      JsonNode value = change.apply(path);
      if (value == LEFT_AS_IT_IS) {
        continue;
      }
      JsonNode mutated = changed(envelope, path, value);
      assertThat(schemaAccepts(mutated))
          .as(
              "%s with %s changed: intake %s it",
              file.getFileName(), path, intakeAccepts(mutated) ? "accepts" : "refuses")
          .isEqualTo(intakeAccepts(mutated));
    }
  }

  /** Returned by a change that does not apply to a field. */
  private static final JsonNode LEFT_AS_IT_IS = MissingNode.getInstance();

  /**
   * A text of that length, except for an area: intake takes only the partnership's own area codes,
   * which no schema shared by every partnership can list, so a made-up one of any length is
   * refused.
   */
  private static JsonNode text(List<Object> path, int length) {
    return "area".equals(path.get(path.size() - 1))
        ? LEFT_AS_IT_IS
        : JsonNodeFactory.instance.textNode("x".repeat(length));
  }

  private static int limitOf(List<Object> path) {
    Object last = path.get(path.size() - 1);
    return last instanceof String name ? FieldLimits.longestOf(name) : FieldLimits.OTHERWISE;
  }

  @Nested
  class AnEnvelopeWithEveryField {

    @ParameterizedTest
    @MethodSource("org.matac.tracking.application.intake.EnvelopeSchemaTest#envelopes")
    void is_valid_under_the_schema_and_accepted_by_intake(Path file) throws IOException {
      JsonNode envelope = read(file);

      assertThat(SCHEMA.validate(envelope)).isEmpty();
      assertThat(INTAKE.parse(envelope).errors()).isEmpty();
    }
  }

  @Nested
  class WithOneFieldChanged {

    @ParameterizedTest
    @MethodSource("org.matac.tracking.application.intake.EnvelopeSchemaTest#envelopes")
    void is_refused_by_the_schema_exactly_when_intake_refuses_it_without_that_field(Path file)
        throws IOException {
      assertAgreeOnEveryField(file, path -> null);
    }

    @ParameterizedTest
    @MethodSource("org.matac.tracking.application.intake.EnvelopeSchemaTest#envelopes")
    void and_exactly_when_that_field_is_blank_or_null(Path file) throws IOException {
      assertAgreeOnEveryField(file, path -> JsonNodeFactory.instance.textNode("  "));
      assertAgreeOnEveryField(file, path -> JsonNodeFactory.instance.nullNode());
    }

    @ParameterizedTest
    @MethodSource("org.matac.tracking.application.intake.EnvelopeSchemaTest#envelopes")
    void and_exactly_when_its_text_reaches_or_passes_its_limit(Path file) throws IOException {
      assertAgreeOnEveryField(file, path -> text(path, limitOf(path)));
      assertAgreeOnEveryField(file, path -> text(path, limitOf(path) + 1));
    }

    @ParameterizedTest
    @MethodSource("org.matac.tracking.application.intake.EnvelopeSchemaTest#envelopes")
    void and_exactly_when_it_holds_another_kind_of_value(Path file) throws IOException {
      assertAgreeOnEveryField(file, path -> JsonNodeFactory.instance.numberNode(12345));
      assertAgreeOnEveryField(file, path -> JsonNodeFactory.instance.booleanNode(true));
      assertAgreeOnEveryField(file, path -> JsonNodeFactory.instance.objectNode());
    }
  }
}
