package org.matac.console.domain;

import java.time.LocalDate;

/** Whether an agreed action is late: past its due date and neither completed nor closed. */
public final class ActionStatus {

  private ActionStatus() {}

  public static boolean overdue(Object dueDate, Object status, LocalDate today) {
    if (dueDate == null) {
      return false;
    }
    boolean finished = "COMPLETED".equals(status) || "NOT_ACHIEVED".equals(status);
    return !finished && LocalDate.parse(dueDate.toString()).isBefore(today);
  }
}
