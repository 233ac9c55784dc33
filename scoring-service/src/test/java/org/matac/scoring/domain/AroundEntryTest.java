package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Gravity weights from docs/scoring-policy.md: COMMON_ASSAULT 19, ABH 365, GBH 547, NON_CRIME 1.
 */
class AroundEntryTest {

  private static final Instant ENTRY = Incidents.AS_OF;

  @Nested
  class APersonWithARecordOnBothSidesOfEntry {

    private final AroundEntry.Measures measures =
        AroundEntry.measure(
            List.of(
                Incidents.daysBefore(500).victims("V-1").build(),
                Incidents.daysBefore(300).victims("V-1").offences("NON_CRIME").build(),
                Incidents.daysBefore(100).victims("V-2").offences("ABH").build(),
                Incidents.daysBefore(30).victims("V-2").build(),
                Incidents.daysBefore(-40).victims("V-3").offences("GBH", "COMMON_ASSAULT").build(),
                Incidents.daysBefore(-400).victims("V-4").offences("GBH").build()),
            ENTRY,
            Optional.of(LocalDate.parse("1990-06-01")),
            Policies.rfgv1().gravityTable());

    @Test
    void weighs_each_year_by_each_incidents_gravest_offence() {
      assertThat(measures.harm()).isEqualTo(new AroundEntry.Periods(19, 1 + 365 + 19, 547));
    }

    @Test
    void counts_as_crimes_only_incidents_with_an_offence() {
      assertThat(measures.crimes()).isEqualTo(new AroundEntry.Periods(1, 2, 1));
    }

    @Test
    void counts_a_victim_as_new_in_the_first_period_they_appear() {
      assertThat(measures.newVictims()).isEqualTo(new AroundEntry.Periods(1, 1, 1));
      assertThat(measures.victimsBefore()).isEqualTo(2);
    }

    @Test
    void measures_the_trajectory_as_the_last_half_year_less_the_one_before() {
      assertThat(measures.trajectory()).isEqualTo(365 + 19 - 1);
    }

    @Test
    void times_the_last_incident_before_entry_and_the_first_after() {
      assertThat(measures.daysSinceLastIncident()).contains(30);
      assertThat(measures.daysToFirstIncident()).isEqualTo(OptionalInt.of(40));
      assertThat(measures.ageAtEntry()).contains(36);
    }

    @Test
    void places_harm_in_the_thirty_day_month_it_happened() {
      assertThat(measures.monthlyHarm()).hasSize(24);
      assertThat(measures.monthlyHarm().get(AroundEntry.MONTHS_EACH_SIDE + 1)).isEqualTo(547);
      assertThat(measures.monthlyHarm().get(AroundEntry.MONTHS_EACH_SIDE - 1)).isEqualTo(19);
      assertThat(measures.monthlyHarm().get(AroundEntry.MONTHS_EACH_SIDE - 4)).isEqualTo(365);
    }
  }

  @Nested
  class TheFollowUp {

    @Test
    void is_complete_once_a_whole_year_has_passed_since_entry() {
      assertThat(AroundEntry.followedUp(ENTRY, ENTRY.plus(AroundEntry.YEAR))).isTrue();
      assertThat(AroundEntry.followedUp(ENTRY, ENTRY.plus(AroundEntry.YEAR).minusSeconds(1)))
          .isFalse();
    }
  }

  @Nested
  class AComparison {

    @Test
    void may_be_someone_never_taken_on_or_taken_on_only_after_the_year_that_is_compared() {
      assertThat(AroundEntry.untakenThrough(List.of(), ENTRY)).isTrue();
      assertThat(AroundEntry.untakenThrough(List.of(ENTRY.plus(AroundEntry.YEAR)), ENTRY)).isTrue();
    }

    @Test
    void may_not_be_someone_taken_on_before_or_during_that_year() {
      assertThat(AroundEntry.untakenThrough(List.of(ENTRY.minusSeconds(86_400 * 60L)), ENTRY))
          .isFalse();
      assertThat(AroundEntry.untakenThrough(List.of(ENTRY.plusSeconds(86_400 * 60L)), ENTRY))
          .isFalse();
    }
  }
}
