package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The report's instant is 15 November 2026, so its months run from November 2025 to October 2026.
 * Days are counted back from 1 November 2026 (Incidents.AS_OF): 22 days is 10 October, 52 days 10
 * September, 139 days 15 June, 290 days 15 January.
 */
class PartnershipMeasuresTest {

  private static final Instant REPORT = Incidents.AS_OF.plus(Duration.ofDays(14));
  private static final String AREA = "SOUTHAMPTON";
  private static final int OCTOBER = 11;
  private static final int SEPTEMBER = 10;
  private static final int JUNE = 7;
  private static final int JANUARY = 2;
  private static final int FEBRUARY = 3;

  private final List<PersonFacts> people = new ArrayList<>();

  private PartnershipMeasures.Row row(PartnershipMeasures.Measure measure) {
    return PartnershipMeasures.of(people, AREA, REPORT, Policies.rfgv1()).rows().stream()
        .filter(row -> row.measure().equals(measure.name()))
        .findFirst()
        .orElseThrow();
  }

  private Integer in(int month, PartnershipMeasures.Measure measure) {
    return row(measure).months().get(month).value();
  }

  @Test
  void reports_the_twelve_whole_months_before_the_reports_month() {
    assertThat(PartnershipMeasures.monthsBefore(REPORT))
        .startsWith(YearMonth.of(2025, 11))
        .endsWith(YearMonth.of(2026, 10))
        .hasSize(12);
  }

  @Nested
  class TenIncidentsEachWithTwoSuspects {

    {
      for (int i = 0; i < 10; i++) {
        String reference = "MULTI-" + i;
        people.add(
            Incidents.person(
                Incidents.daysBefore(22)
                    .ref("HAMPSHIRE_POLICE", reference)
                    .victims("V-" + i)
                    .build()));
        people.add(
            Incidents.person(
                Incidents.daysBefore(22)
                    .ref("HAMPSHIRE_POLICE", reference)
                    .victims("V-" + i)
                    .build()));
      }
    }

    @Test
    void count_ten_incidents_and_twenty_perpetrators() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.DA_INCIDENTS)).isEqualTo(10);
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.PERPETRATORS)).isEqualTo(20);
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.VICTIMS)).isEqualTo(10);
    }
  }

  @Nested
  class TenPeopleBackWithTheSameVictimsAfterFourMonthsAndOneAfterMoreThanAYear {

    {
      for (int i = 0; i < 10; i++) {
        people.add(
            Incidents.person(
                Incidents.daysBefore(139).victims("V-" + i).build(),
                Incidents.daysBefore(22).victims("V-" + i).build()));
      }
      people.add(
          Incidents.person(
              Incidents.daysBefore(22 + 400).victims("V-late").build(),
              Incidents.daysBefore(22).victims("V-late").build()));
    }

    @Test
    void makes_ten_repeat_victims_and_ten_repeat_perpetrators_in_october() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.PERPETRATORS)).isEqualTo(11);
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.REPEAT_PERPETRATORS)).isEqualTo(10);
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.REPEAT_VICTIMS)).isEqualTo(10);
    }

    @Test
    void makes_none_in_june_when_they_were_first_seen() {
      assertThat(in(JUNE, PartnershipMeasures.Measure.PERPETRATORS)).isEqualTo(10);
      assertThat(in(JUNE, PartnershipMeasures.Measure.REPEAT_PERPETRATORS)).isZero();
    }

    @Test
    void counts_each_person_once_over_the_twelve_months() {
      assertThat(row(PartnershipMeasures.Measure.PERPETRATORS).twelveMonths().value())
          .isEqualTo(11);
      assertThat(row(PartnershipMeasures.Measure.DA_INCIDENTS).twelveMonths().value())
          .isEqualTo(21);
    }

    @Test
    void makes_no_one_serial_with_one_victim_each() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.SERIAL_PERPETRATORS)).isZero();
    }
  }

  @Nested
  class TenPeopleWithASecondVictimInOctober {

    {
      for (int i = 0; i < 10; i++) {
        people.add(
            Incidents.person(
                Incidents.daysBefore(52).victims("V-first-" + i).build(),
                Incidents.daysBefore(22).victims("V-second-" + i).build()));
      }
    }

    @Test
    void are_serial_at_the_end_of_october_but_not_of_september() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.SERIAL_PERPETRATORS)).isEqualTo(10);
      assertThat(in(SEPTEMBER, PartnershipMeasures.Measure.SERIAL_PERPETRATORS)).isZero();
    }
  }

  @Nested
  class OneIncidentInJanuaryAndTenInAnotherArea {

    {
      people.add(Incidents.person(Incidents.daysBefore(290).build()));
      for (int i = 0; i < 10; i++) {
        people.add(Incidents.person(Incidents.daysBefore(22).area("PORTSMOUTH").build()));
      }
    }

    @Test
    void suppresses_januarys_one_and_shows_februarys_nothing() {
      assertThat(row(PartnershipMeasures.Measure.DA_INCIDENTS).months().get(JANUARY))
          .isEqualTo(new PartnershipMeasures.Cell(null, true));
      assertThat(row(PartnershipMeasures.Measure.DA_INCIDENTS).months().get(FEBRUARY))
          .isEqualTo(new PartnershipMeasures.Cell(0, false));
    }

    @Test
    void counts_nothing_of_another_area() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.DA_INCIDENTS)).isZero();
    }
  }

  @Nested
  class TenIncidentsRecordedAfterTheReportsInstant {

    {
      for (int i = 0; i < 10; i++) {
        people.add(
            Incidents.person(
                Incidents.daysBefore(22).recordedAt(REPORT.plus(Duration.ofDays(1))).build()));
      }
    }

    @Test
    void are_not_counted() {
      assertThat(in(OCTOBER, PartnershipMeasures.Measure.DA_INCIDENTS)).isZero();
    }
  }
}
