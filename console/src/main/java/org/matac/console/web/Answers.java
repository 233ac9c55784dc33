package org.matac.console.web;

import java.util.List;
import java.util.Map;

/** Reading the services' JSON answers, which list what they hold under {@code items}. */
final class Answers {

  private Answers() {}

  static List<Map<String, Object>> items(Map<String, Object> answer) {
    return list(answer.get("items"));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
