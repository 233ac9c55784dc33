package org.matac.console.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matac.console.domain.ActionStatus;

/** Agreed actions as pages show them: each marked overdue or not on the day it is shown. */
final class Plans {

  /** An action's statuses, in the order a person moves through them. */
  static final List<String> STATUSES = List.of("OPEN", "IN_PROGRESS", "COMPLETED", "NOT_ACHIEVED");

  private Plans() {}

  static List<Map<String, Object>> marked(List<Map<String, Object>> actions, LocalDate today) {
    return actions.stream()
        .map(
            action -> {
              Map<String, Object> shown = new HashMap<>(action);
              shown.put(
                  "overdue",
                  ActionStatus.overdue(action.get("dueDate"), action.get("status"), today));
              return shown;
            })
        .toList();
  }
}
