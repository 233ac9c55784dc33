package org.matac.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one envelope field is made from a row: a column's cell, a template of several cells, or a
 * constant; optionally through a value map (a records system's words to the contract's codes) and
 * read as a number, a yes/no, a date or an instant.
 */
final class FieldRule {

  enum Kind {
    TEXT,
    INTEGER,
    BOOLEAN,
    DATE,
    INSTANT
  }

  private static final Set<String> KEYS =
      Set.of("column", "template", "value", "values", "otherwise", "as", "format");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
  private static final int QUOTED_AT_MOST = 40;

  private final FieldPath path;
  private final Optional<String> column;
  private final Optional<String> template;
  private final Optional<JsonNode> constant;
  private final Map<String, JsonNode> values;
  private final Optional<JsonNode> otherwise;
  private final Kind kind;
  private final Optional<DateTimeFormatter> format;
  private final Optional<String> formatText;
  private final ZoneId zone;

  private FieldRule(FieldPath path, JsonNode spec, ZoneId zone) {
    this.path = path;
    this.zone = zone;
    for (Iterator<String> names = spec.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new MappingException(
            path.text() + ": '" + name + "' is not a rule key; use " + String.join(", ", KEYS));
      }
    }
    column = text(spec, "column");
    template = text(spec, "template");
    constant = Optional.ofNullable(spec.get("value"));
    int sources =
        (column.isPresent() ? 1 : 0)
            + (template.isPresent() ? 1 : 0)
            + (constant.isPresent() ? 1 : 0);
    if (sources != 1) {
      throw new MappingException(path.text() + ": give exactly one of column, template, value");
    }
    values = valueMap(spec.get("values"));
    otherwise = Optional.ofNullable(spec.get("otherwise"));
    if (otherwise.isPresent() && values.isEmpty()) {
      throw new MappingException(path.text() + ": 'otherwise' only goes with 'values'");
    }
    kind = kind(text(spec, "as"));
    formatText = text(spec, "format");
    format = formatText.map(this::formatter);
    if (format.isPresent() && kind != Kind.DATE && kind != Kind.INSTANT) {
      throw new MappingException(path.text() + ": 'format' only goes with as: date or as: instant");
    }
  }

  static FieldRule of(String field, JsonNode spec, ZoneId zone) {
    FieldPath path = FieldPath.parse(field);
    if (spec.isTextual()) {
      // The short form: a field's value is a column's cell as it is.
      return new FieldRule(
          path, JsonNodeFactory.instance.objectNode().put("column", spec.asText()), zone);
    }
    if (!spec.isObject()) {
      throw new MappingException(field + ": give a column name, or a rule such as {column: ...}");
    }
    return new FieldRule(path, spec, zone);
  }

  FieldPath path() {
    return path;
  }

  /** The columns this rule reads, so that a file without them is refused before any row. */
  List<String> columns() {
    List<String> columns = new ArrayList<>();
    column.ifPresent(columns::add);
    template.ifPresent(
        text -> {
          Matcher matcher = PLACEHOLDER.matcher(text);
          while (matcher.find()) {
            columns.add(matcher.group(1));
          }
        });
    return columns;
  }

  /** Where the value comes from, in the words of the file: for reports. */
  String origin() {
    if (column.isPresent()) {
      return "column '" + column.get() + "'";
    }
    if (template.isPresent()) {
      return "columns " + String.join(", ", columns().stream().map(c -> "'" + c + "'").toList());
    }
    return "the mapping's value";
  }

  /** The value for this row: absent when its cells are empty, or why it cannot be mapped. */
  Outcome apply(Map<String, String> row) {
    Optional<String> raw = raw(row);
    if (raw.isEmpty()) {
      return constant.isPresent() ? Outcome.of(constant.get()) : Outcome.absent();
    }
    String cell = raw.get();
    if (!values.isEmpty()) {
      JsonNode mapped = values.get(normalised(cell));
      if (mapped != null) {
        return Outcome.of(mapped);
      }
      return otherwise
          .map(Outcome::of)
          .orElseGet(
              () ->
                  Outcome.problem(
                      origin()
                          + " has '"
                          + quoted(cell)
                          + "', which the mapping's values for "
                          + path.text()
                          + " do not list"));
    }
    return convert(cell);
  }

  private Optional<String> raw(Map<String, String> row) {
    if (column.isPresent()) {
      return present(row.get(column.get()));
    }
    if (template.isPresent()) {
      Matcher matcher = PLACEHOLDER.matcher(template.get());
      StringBuilder built = new StringBuilder();
      while (matcher.find()) {
        Optional<String> cell = present(row.get(matcher.group(1)));
        if (cell.isEmpty()) {
          return Optional.empty();
        }
        matcher.appendReplacement(built, Matcher.quoteReplacement(cell.get()));
      }
      matcher.appendTail(built);
      return Optional.of(built.toString());
    }
    return Optional.empty();
  }

  private Outcome convert(String cell) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (kind) {
      case TEXT:
        return Outcome.of(nodes.textNode(cell));
      case INTEGER:
        try {
          return Outcome.of(nodes.numberNode(Long.parseLong(cell.replace(",", ""))));
        } catch (NumberFormatException e) {
          return Outcome.problem(origin() + " is not a whole number");
        }
      case BOOLEAN:
        return switch (normalised(cell)) {
          case "true", "yes", "y", "1" -> Outcome.of(nodes.booleanNode(true));
          case "false", "no", "n", "0" -> Outcome.of(nodes.booleanNode(false));
          default -> Outcome.problem(origin() + " is not yes or no; map its words with 'values'");
        };
      case DATE:
        try {
          LocalDate date =
              format.map(f -> LocalDate.parse(cell, f)).orElseGet(() -> LocalDate.parse(cell));
          return Outcome.of(nodes.textNode(date.toString()));
        } catch (DateTimeParseException e) {
          return Outcome.problem(
              origin() + " is not a date like " + formatText.orElse("2026-12-31"));
        }
      case INSTANT:
        try {
          return Outcome.of(nodes.textNode(instant(cell).toString()));
        } catch (DateTimeException e) {
          return Outcome.problem(
              origin()
                  + " is not a date and time like "
                  + formatText.orElse("2026-12-31T21:14:00Z"));
        }
      default:
        throw new IllegalStateException("Unknown kind " + kind);
    }
  }

  /**
   * A time as the records system wrote it, in the partnership's zone unless it says its offset; a
   * date alone is the start of that day there.
   */
  private Instant instant(String cell) {
    if (format.isEmpty()) {
      return OffsetDateTime.parse(cell).toInstant();
    }
    TemporalAccessor parsed = format.get().parseBest(cell, LocalDateTime::from, LocalDate::from);
    LocalDateTime local =
        parsed instanceof LocalDateTime time ? time : ((LocalDate) parsed).atStartOfDay();
    return local.atZone(zone).toInstant();
  }

  private DateTimeFormatter formatter(String pattern) {
    try {
      return DateTimeFormatter.ofPattern(prolepticYears(pattern), Locale.UK)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new MappingException(
          path.text() + ": '" + pattern + "' is not a date format such as" + " dd/MM/yyyy HH:mm");
    }
  }

  /**
   * A strict reading refuses 31/02/2026 instead of taking 28/02; it needs the proleptic year (u),
   * where people write y, so y outside quoted text is read as u.
   */
  private static String prolepticYears(String pattern) {
    StringBuilder strict = new StringBuilder();
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      quoted ^= c == '\'';
      strict.append(!quoted && c == 'y' ? 'u' : c);
    }
    return strict.toString();
  }

  private Kind kind(Optional<String> as) {
    if (as.isEmpty()) {
      return Kind.TEXT;
    }
    try {
      return Kind.valueOf(as.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MappingException(
          path.text() + ": 'as' is one of text, integer, boolean, date, instant");
    }
  }

  private Map<String, JsonNode> valueMap(JsonNode spec) {
    Map<String, JsonNode> map = new HashMap<>();
    if (spec == null) {
      return map;
    }
    if (!spec.isObject() || spec.isEmpty()) {
      throw new MappingException(
          path.text()
              + ": 'values' maps the file's words to the"
              + " contract's, as in {\"Ex-partner\": EX_PARTNER}");
    }
    spec.fields()
        .forEachRemaining(
            entry -> {
              if (map.put(normalised(entry.getKey()), entry.getValue()) != null) {
                throw new MappingException(
                    path.text()
                        + ": '"
                        + entry.getKey()
                        + "' is listed twice in 'values' (case and spaces do not count)");
              }
            });
    return map;
  }

  private Optional<String> text(JsonNode spec, String key) {
    JsonNode node = spec.get(key);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new MappingException(
          path.text()
              + ": '"
              + key
              + "' must be text; quote a name YAML reads as something else, as \"On\", \"No\""
              + " or \"2024\"");
    }
    return Optional.of(node.asText());
  }

  private static Optional<String> present(String cell) {
    return cell == null || cell.isBlank() ? Optional.empty() : Optional.of(cell.strip());
  }

  /** Records systems vary in case and spacing; a value map should not have to. */
  private static String normalised(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String quoted(String cell) {
    return cell.length() <= QUOTED_AT_MOST ? cell : cell.substring(0, QUOTED_AT_MOST) + "…";
  }

  /** A field's value for one row: a value, nothing (its cells are empty), or a problem. */
  record Outcome(Optional<JsonNode> value, Optional<String> problem) {
    static Outcome of(JsonNode value) {
      return new Outcome(Optional.of(value), Optional.empty());
    }

    static Outcome absent() {
      return new Outcome(Optional.empty(), Optional.empty());
    }

    static Outcome problem(String reason) {
      return new Outcome(Optional.empty(), Optional.of(reason));
    }
  }
}
