package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Months from November 2025 to October 2026. Ten people taken on on 10 March 2026, three of them
 * discharged on 20 June; ten more taken on on 5 June. Eighteen actions agreed on 15 March, due 30
 * April, for probation: ten still open, six completed on 20 April, two on 10 May; ten agreed on 1
 * July for the council, due at the end of the year.
 */
class TaskingMeasuresTest {

  private static final List<YearMonth> MONTHS =
      PartnershipMeasures.monthsBefore(Instant.parse("2026-11-15T00:00:00Z"));
  private static final int MARCH = 4;
  private static final int APRIL = 5;
  private static final int MAY = 6;
  private static final int JUNE = 7;
  private static final int JULY = 8;
  private static final int OCTOBER = 11;

  private final List<MembershipSpell> spells = new ArrayList<>();
  private final List<MatacAction> actions = new ArrayList<>();

  {
    for (int i = 0; i < 10; i++) {
      spells.add(
          i < 3
              ? new MembershipSpell(
                  UUID.randomUUID(),
                  Instant.parse("2026-03-10T12:00:00Z"),
                  Optional.of(Instant.parse("2026-06-20T12:00:00Z")),
                  Optional.of(i == 0 ? " Engaged with programme" : "engaged with programme"))
              : new MembershipSpell(
                  UUID.randomUUID(),
                  Instant.parse("2026-03-10T12:00:00Z"),
                  Optional.empty(),
                  Optional.empty()));
      spells.add(
          new MembershipSpell(
              UUID.randomUUID(),
              Instant.parse("2026-06-05T12:00:00Z"),
              Optional.empty(),
              Optional.empty()));
    }
    for (int i = 0; i < 18; i++) {
      String status = i < 10 ? "OPEN" : "COMPLETED";
      Instant updated =
          i < 10 ? null : Instant.parse(i < 16 ? "2026-04-20T09:00:00Z" : "2026-05-10T09:00:00Z");
      actions.add(action("HAMPSHIRE_PROBATION", "2026-03-15", "2026-04-30", status, updated));
    }
    for (int i = 0; i < 10; i++) {
      actions.add(action("SOUTHAMPTON_COUNCIL", "2026-07-01", "2026-12-31", "OPEN", null));
    }
  }

  private static MatacAction action(
      String agency, String agreed, String due, String status, Instant updatedAt) {
    return new MatacAction(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "SOUTHAMPTON",
        UUID.randomUUID(),
        agency,
        "DIVERSION",
        "Synthetic action",
        "owner",
        LocalDate.parse(due),
        status,
        1,
        "coordinator",
        Instant.parse(agreed + "T10:00:00Z"),
        updatedAt == null ? null : "partner",
        updatedAt,
        null);
  }

  private PartnershipMeasures.Row row(String measure) {
    return TaskingMeasures.rows(MONTHS, spells, actions).stream()
        .filter(row -> row.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }

  private PartnershipMeasures.Cell in(int month, String measure) {
    return row(measure).months().get(month);
  }

  private static PartnershipMeasures.Cell shown(int count) {
    return new PartnershipMeasures.Cell(count, false);
  }

  private static final PartnershipMeasures.Cell SUPPRESSED =
      new PartnershipMeasures.Cell(null, true);

  @Test
  void counts_people_taken_on_in_each_month_and_over_the_twelve() {
    assertThat(in(MARCH, "TAKEN_ON")).isEqualTo(shown(10));
    assertThat(in(JUNE, "TAKEN_ON")).isEqualTo(shown(10));
    assertThat(row("TAKEN_ON").twelveMonths()).isEqualTo(shown(20));
  }

  @Test
  void counts_people_in_matac_at_each_months_end() {
    assertThat(in(MARCH, "IN_MATAC")).isEqualTo(shown(10));
    assertThat(in(JUNE, "IN_MATAC")).isEqualTo(shown(17));
    assertThat(in(OCTOBER, "IN_MATAC")).isEqualTo(shown(17));
  }

  @Test
  void suppresses_the_three_who_left() {
    assertThat(in(JUNE, "LEFT")).isEqualTo(SUPPRESSED);
    assertThat(in(JULY, "LEFT")).isEqualTo(shown(0));
  }

  @Test
  void counts_actions_agreed_in_each_month() {
    assertThat(in(MARCH, "ACTIONS_AGREED")).isEqualTo(shown(18));
    assertThat(in(JULY, "ACTIONS_AGREED")).isEqualTo(shown(10));
    assertThat(row("ACTIONS_AGREED").twelveMonths()).isEqualTo(shown(28));
  }

  @Test
  void counts_as_overdue_what_was_due_and_still_open_at_each_months_end() {
    assertThat(in(MARCH, "ACTIONS_OVERDUE")).isEqualTo(shown(0));
    assertThat(in(APRIL, "ACTIONS_OVERDUE")).as("two were closed only in May").isEqualTo(shown(12));
    assertThat(in(MAY, "ACTIONS_OVERDUE")).isEqualTo(shown(10));
  }

  @Test
  void breaks_the_twelve_months_down_by_agency_status_and_reason() {
    assertThat(TaskingMeasures.breakdowns(MONTHS, spells, actions))
        .containsExactly(
            new TaskingMeasures.Share(
                "Actions agreed, by agency", "HAMPSHIRE_PROBATION", shown(18)),
            new TaskingMeasures.Share(
                "Actions agreed, by agency", "SOUTHAMPTON_COUNCIL", shown(10)),
            new TaskingMeasures.Share("Actions agreed, by status now", "COMPLETED", SUPPRESSED),
            new TaskingMeasures.Share("Actions agreed, by status now", "OPEN", shown(20)),
            new TaskingMeasures.Share(
                "People who left, by reason", "engaged with programme", SUPPRESSED));
  }
}
