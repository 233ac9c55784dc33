package org.matac.console.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.matac.console.backends.ServiceRefusal;
import org.matac.events.FieldError;

/**
 * The screening and referral forms' plumbing: the form as posted, the tool's items as rating
 * fields, the stored screening read back, and the service's field errors placed on the fields.
 */
final class Screenings {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A screening as recorded: the ratings by item, the judgement and the notes. */
  record Screening(Map<String, String> ratings, Boolean priority, String notes, String tool) {}

  private Screenings() {}

  static Screening read(Object stored) {
    if (stored == null) {
      return new Screening(Map.of(), null, null, null);
    }
    try {
      Map<String, Object> screening =
          JSON.readValue(stored.toString(), new TypeReference<Map<String, Object>>() {});
      Map<String, String> ratings = new LinkedHashMap<>();
      Answers.map(screening.get("ratings"))
          .forEach((item, rating) -> ratings.put(item, String.valueOf(rating)));
      Object priority = screening.get("priority");
      return new Screening(
          ratings,
          priority instanceof Boolean judged ? judged : null,
          screening.get("notes") == null ? null : screening.get("notes").toString(),
          screening.get("tool") == null ? null : screening.get("tool").toString());
    } catch (Exception unreadable) {
      return new Screening(Map.of(), null, null, null);
    }
  }

  /** A posted form as single values: a repeated field keeps its first value. */
  static Map<String, String> form(Map<String, Object> posted) {
    Map<String, String> answers = new HashMap<>();
    posted.forEach(
        (field, value) -> {
          Object single =
              value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
          if (single != null) {
            answers.put(field, single.toString());
          }
        });
    return answers;
  }

  /** The rating of each of the tool's items, as posted in fields named after the item codes. */
  static Map<String, String> ratings(Map<String, Object> tool, Map<String, String> answers) {
    Map<String, String> ratings = new LinkedHashMap<>();
    for (String item : itemCodes(tool)) {
      if (answers.get(item) != null) {
        ratings.put(item, answers.get(item));
      }
    }
    return ratings;
  }

  static List<String> itemCodes(Map<String, Object> tool) {
    return Answers.list(tool.get("groups")).stream()
        .flatMap(group -> Answers.list(group.get("items")).stream())
        .map(item -> item.get("code").toString())
        .toList();
  }

  /** The service's errors on the form: "ratings.X" lands on item X, named by its label. */
  static Map<String, String> errors(ServiceRefusal refusal, Map<String, Object> tool) {
    Map<String, String> labels = new HashMap<>();
    Answers.list(tool.get("groups"))
        .forEach(
            group ->
                Answers.list(group.get("items"))
                    .forEach(
                        item ->
                            labels.put(item.get("code").toString(), item.get("label").toString())));
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : refusal.fieldErrors()) {
      if (error.field().startsWith("ratings.")) {
        String item = error.field().substring("ratings.".length());
        errors.putIfAbsent(
            item, "Select a rating for " + labels.getOrDefault(item, item).toLowerCase());
      } else if ("priority".equals(error.field())) {
        errors.putIfAbsent("priority", "Select whether this person is a priority");
      } else {
        errors.putIfAbsent(error.field(), plain(error.message()));
      }
    }
    if (errors.isEmpty()) {
      errors.put("", plain(refusal));
    }
    return errors;
  }

  static Boolean yesNo(String answer) {
    return "yes".equals(answer) ? Boolean.TRUE : "no".equals(answer) ? Boolean.FALSE : null;
  }

  static Long number(String value) {
    try {
      return value == null ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A refusal as a sentence: its first field's reason, or its detail. */
  static String plain(ServiceRefusal refusal) {
    return refusal.fieldErrors().isEmpty()
        ? refusal.detail()
        : plain(refusal.fieldErrors().get(0).message());
  }

  private static String plain(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
