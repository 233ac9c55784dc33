package org.matac.console.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A person's history as one list, latest first: incidents, orders, custody, interventions and
 * referrals, from the profile tracking holds. Each line says what happened, when, where and who
 * reported it, so a coordinator can read the story without opening records.
 */
public final class Timeline {

  /** One event in the person's history. */
  public record Line(Instant occurredAt, String what, String details, String source, String area) {}

  private Timeline() {}

  @SuppressWarnings("unchecked")
  public static List<Line> of(Map<String, Object> profile) {
    List<Line> lines = new ArrayList<>();
    for (Map<String, Object> incident : list(profile.get("incidents"))) {
      List<Object> offences = (List<Object>) incident.getOrDefault("offenceCategories", List.of());
      StringJoiner details = new StringJoiner("; ");
      offences.forEach(offence -> details.add(words(offence)));
      if (incident.get("dashRisk") != null) {
        details.add("DASH risk " + words(incident.get("dashRisk")).toLowerCase(Locale.UK));
      }
      if (Boolean.TRUE.equals(incident.get("childrenPresent"))) {
        details.add("children present");
      }
      lines.add(
          new Line(
              instant(incident.get("occurredAt")),
              "Incident " + text(incident.get("incidentRef")),
              details.toString(),
              text(incident.get("source")),
              text(incident.get("area"))));
    }
    for (Map<String, Object> record : list(profile.get("records"))) {
      lines.add(
          new Line(
              instant(record.get("occurredAt")),
              words(record.get("type")),
              describe((Map<String, Object>) record.getOrDefault("details", Map.of())),
              text(record.get("source")),
              text(record.get("area"))));
    }
    lines.sort(
        Comparator.comparing(Line::occurredAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return List.copyOf(lines);
  }

  /** A record's reported fields as words: the simple ones only, in the order reported. */
  private static String describe(Map<String, Object> details) {
    StringJoiner joined = new StringJoiner("; ");
    details.forEach(
        (field, value) -> {
          if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            joined.add(words(field) + ": " + value);
          }
        });
    return joined.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
  }

  private static Instant instant(Object value) {
    return value == null ? null : Instant.parse(value.toString());
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  /** PROTECTIVE_ORDER or orderType as "Protective order" or "Order type". */
  static String words(Object code) {
    String raw = text(code);
    String spaced =
        raw.contains("_") || raw.equals(raw.toUpperCase(Locale.UK))
            ? raw.replace('_', ' ').toLowerCase(Locale.UK)
            : raw.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
    return spaced.isEmpty()
        ? spaced
        : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
