package org.matac.console.web;

import java.util.List;
import java.util.Map;

/** Reading the services' JSON answers, which list what they hold under {@code items}. */
final class Answers {

  private Answers() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> answer) {
    Object items = answer.get("items");
    return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }
}
