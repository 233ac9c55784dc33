package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActionStatusTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

  @Test
  void an_open_action_past_its_due_date_is_overdue() {
    assertThat(ActionStatus.overdue("2026-12-01", "OPEN", TODAY)).isTrue();
  }

  @Test
  void an_action_due_today_is_not_yet_overdue() {
    assertThat(ActionStatus.overdue("2026-12-02", "IN_PROGRESS", TODAY)).isFalse();
  }

  @Test
  void a_finished_action_is_never_overdue() {
    assertThat(ActionStatus.overdue("2026-01-01", "COMPLETED", TODAY)).isFalse();
    assertThat(ActionStatus.overdue("2026-01-01", "NOT_ACHIEVED", TODAY)).isFalse();
  }
}
