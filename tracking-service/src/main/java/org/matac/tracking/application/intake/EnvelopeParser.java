package org.matac.tracking.application.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.intake.EventType;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.PncId;

/**
 * Reads a partner envelope from raw bytes and checks it against every rule of the contract,
 * collecting all errors at once with the path of each field, so a partner can fix a whole mapping
 * in one go. The same parser serves Kafka and HTTP, so both reject exactly the same things.
 */
@Singleton
public class EnvelopeParser {

  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final ObjectMapper CANONICAL_WRITER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final IntakeRules rules;
  private final Clock clock;

  public EnvelopeParser(IntakeRules rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
  }

  /** The outcome of parsing: an event, or the errors and whatever event id could be read. */
  public record Parsed(
      Optional<PartnerEvent> event, Optional<UUID> eventId, List<FieldError> errors) {

    static Parsed accepted(PartnerEvent event) {
      return new Parsed(Optional.of(event), Optional.of(event.eventId()), List.of());
    }

    static Parsed rejected(Optional<UUID> eventId, List<FieldError> errors) {
      return new Parsed(Optional.empty(), eventId, List.copyOf(errors));
    }
  }

  public Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root = READER.readTree(body);
    } catch (IOException e) {
      return Parsed.rejected(
          Optional.empty(), List.of(new FieldError("$", "not valid JSON: " + describe(e))));
    }
    return parse(root);
  }

  public Parsed parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Parsed.rejected(
          Optional.empty(), List.of(new FieldError("$", "the envelope must be a JSON object")));
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Fields envelope = new Fields((ObjectNode) root, "", new ArrayList<>(), today);
    UUID eventId = envelope.uuid("eventId", true);
    EventType type = envelope.enumValue("type", EventType.class, true);
    JsonNode schemaVersion = root.get("schemaVersion");
    if (schemaVersion != null && !(schemaVersion.isInt() && schemaVersion.intValue() == 1)) {
      envelope.error("schemaVersion", "must be 1: this intake speaks version 1 of the contract");
    }
    String source = envelope.text("source", true);
    String sourceReference = envelope.text("sourceReference", true);
    Integer recordVersion = envelope.nonNegativeInteger("recordVersion");
    Instant occurredAt = envelope.instant("occurredAt", true);
    Instant recordedAt = envelope.instant("recordedAt", true);
    String area = envelope.text("area", type == EventType.INCIDENT_REPORTED);
    if (area != null && !rules.isKnownArea(area)) {
      envelope.error("area", "unknown area '" + area + "': not one the partnership has agreed");
    }
    PartnerEvent.Person perpetrator = person(envelope, recordedAt);
    ObjectNode payload = envelope.object("payload", true);
    if (payload != null && type != null) {
      PayloadRules.check(type, envelope.within("payload", payload), rules);
    }
    if (!envelope.errors.isEmpty()) {
      return Parsed.rejected(Optional.ofNullable(eventId), envelope.errors);
    }
    String canonical = canonical(root);
    String stored = canonical(VictimContacts.removedFromEnvelope(root.deepCopy()));
    return Parsed.accepted(
        new PartnerEvent(
            eventId,
            type,
            source,
            sourceReference,
            recordVersion,
            occurredAt,
            recordedAt,
            area,
            perpetrator,
            new JsonPayload(payload),
            stored,
            sha256(canonical)));
  }

  private PartnerEvent.Person person(Fields envelope, Instant recordedAt) {
    ObjectNode node = envelope.object("perpetrator", true);
    if (node == null) {
      return null;
    }
    Fields person = envelope.within("perpetrator", node);
    String sourcePersonId = person.text("sourcePersonId", true);
    String rawPnc = person.text("pncId", false);
    Optional<PncId> pnc = Optional.empty();
    if (rawPnc != null) {
      int year = recordedAt == null ? 9999 : recordedAt.atOffset(ZoneOffset.UTC).getYear();
      pnc = PncId.normalise(rawPnc, year);
      if (pnc.isEmpty()) {
        person.error(
            "pncId", "must look like YY/NNNNNNNL or YYYY/NNNNNNNL (1 to 7 digits, then a letter)");
      }
    }
    return new PartnerEvent.Person(
        sourcePersonId,
        pnc,
        person.text("givenName", false),
        person.text("familyName", false),
        person.dateOfBirth("dateOfBirth"));
  }

  private static String canonical(JsonNode root) {
    try {
      return CANONICAL_WRITER.writeValueAsString(CANONICAL_WRITER.treeToValue(root, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A parsed tree could not be written back", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static String describe(IOException e) {
    // Jackson's message quotes the offending input, which may be personal data: keep the first
    // line's description only, without the source excerpt.
    String message = e.getMessage() == null ? "unreadable" : e.getMessage();
    int cut = message.indexOf('\n');
    message = cut >= 0 ? message.substring(0, cut) : message;
    int quote = message.indexOf(" (for ");
    return quote >= 0 ? message.substring(0, quote) : message;
  }

  /** Reads typed fields of one JSON object, recording an error for each bad or missing one. */
  static final class Fields {
    private final ObjectNode node;
    private final String prefix;
    final List<FieldError> errors;
    private final LocalDate today;

    Fields(ObjectNode node, String prefix, List<FieldError> errors, LocalDate today) {
      this.node = node;
      this.prefix = prefix;
      this.errors = errors;
      this.today = today;
    }

    /**
     * The fields of the object in {@code field}, named by their path through it; their errors are
     * this envelope's.
     */
    Fields within(String field, ObjectNode inner) {
      return new Fields(inner, prefix + field + ".", errors, today);
    }

    void error(String field, String message) {
      errors.add(new FieldError(prefix + field, message));
    }

    private JsonNode present(String field, boolean required) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        if (required) {
          error(field, "is required");
        }
        return null;
      }
      return value;
    }

    String text(String field, boolean required) {
      JsonNode value = present(field, required);
      if (value == null) {
        return null;
      }
      if (!value.isTextual()) {
        error(field, "must be a string");
        return null;
      }
      if (value.asText().isBlank()) {
        error(field, "must not be blank");
        return null;
      }
      int longest = FieldLimits.longestOf(field);
      if (value.asText().length() > longest) {
        error(field, "must be at most " + longest + " characters");
        return null;
      }
      return value.asText();
    }

    Boolean bool(String field, boolean required) {
      JsonNode value = present(field, required);
      if (value == null) {
        return null;
      }
      if (!value.isBoolean()) {
        error(field, "must be true or false");
        return null;
      }
      return value.booleanValue();
    }

    Integer nonNegativeInteger(String field) {
      JsonNode value = present(field, false);
      if (value == null) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
        error(field, "must be a whole number, 0 or more");
        return null;
      }
      return value.intValue();
    }

    UUID uuid(String field, boolean required) {
      String text = text(field, required);
      if (text == null) {
        return null;
      }
      try {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
          throw new IllegalArgumentException("not canonical");
        }
        return uuid;
      } catch (IllegalArgumentException e) {
        error(field, "must be a UUID like 5b7c1f1e-8f0a-4d7e-9a55-0d1f4b1d2c3e");
        return null;
      }
    }

    Instant instant(String field, boolean required) {
      String text = text(field, required);
      if (text == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        error(field, "must be an RFC 3339 instant with Z or an offset, like 2026-10-01T21:14:00Z");
        return null;
      }
    }

    LocalDate date(String field, boolean required) {
      String text = text(field, required);
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        error(field, "must be a date like 1994-02-03");
        return null;
      }
    }

    /** A date of birth: a date, and not after today. */
    LocalDate dateOfBirth(String field) {
      LocalDate date = date(field, false);
      if (date != null && date.isAfter(today)) {
        error(field, "must not be in the future");
        return null;
      }
      return date;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
      String text = text(field, required);
      if (text == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        error(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
      }
    }

    String oneOf(String field, List<String> allowed, boolean required) {
      String text = text(field, required);
      if (text != null && !allowed.contains(text)) {
        error(field, "must be one of " + allowed);
        return null;
      }
      return text;
    }

    ObjectNode object(String field, boolean required) {
      JsonNode value = present(field, required);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        error(field, "must be a JSON object");
        return null;
      }
      return (ObjectNode) value;
    }

    List<Fields> objects(String field, boolean required) {
      JsonNode value = present(field, required);
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        error(field, "must be an array");
        return List.of();
      }
      List<Fields> items = new ArrayList<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        String path = field + "[" + i + "]";
        if (!item.isObject()) {
          error(path, "must be a JSON object");
        } else {
          items.add(within(path, (ObjectNode) item));
        }
      }
      return items;
    }

    boolean isArray(String field) {
      JsonNode value = node.get(field);
      return value != null && value.isArray();
    }
  }
}
