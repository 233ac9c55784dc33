package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matac.scoring.domain.Incidents.AS_OF;
import static org.matac.scoring.domain.Incidents.daysBefore;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FoundationCohortTest {

  private static final String AREA = "SOUTHAMPTON";

  /** 25 on asOf (2026-11-01). */
  private static final LocalDate TWENTY_FIVE = LocalDate.parse("2001-06-01");

  private final ScoringPolicy policy = Policies.rfgv1();

  private boolean qualifies(PersonFacts person) {
    Score score = RfgvScorer.score(person, policy, AS_OF);
    return FoundationCohort.qualifies(person, score, policy, AREA, AS_OF);
  }

  private static PersonFacts person(
      LocalDate born, List<IncidentFacts> incidents, List<PersonFacts.OutcomeFacts> outcomes) {
    return new PersonFacts(Optional.ofNullable(born), incidents, outcomes);
  }

  private static PersonFacts.OutcomeFacts outcome(IncidentFacts incident, String outcome) {
    return new PersonFacts.OutcomeFacts(
        incident.source(), incident.incidentRef(), outcome, incident.recordedAt().plusSeconds(60));
  }

  private static IncidentFacts partnerWithChildren() {
    return daysBefore(30).partner(true).children(true).build();
  }

  @Test
  void takes_a_partner_abuser_aged_18_to_30_with_children_present_and_no_caution_or_charge() {
    assertThat(qualifies(person(TWENTY_FIVE, List.of(partnerWithChildren()), List.of()))).isTrue();
  }

  @Test
  void accepts_the_partner_and_the_children_from_different_incidents() {
    var partner = daysBefore(30).partner(true).children(false).build();
    var children = daysBefore(20).partner(false).children(true).build();

    assertThat(qualifies(person(TWENTY_FIVE, List.of(partner, children), List.of()))).isTrue();
  }

  @Test
  void takes_someone_turning_18_on_asOfs_date_or_turning_31_the_day_after() {
    LocalDate eighteenToday = LocalDate.parse("2008-11-01");
    LocalDate thirtyOneTomorrow = LocalDate.parse("1995-11-02");

    assertThat(qualifies(person(eighteenToday, List.of(partnerWithChildren()), List.of())))
        .isTrue();
    assertThat(qualifies(person(thirtyOneTomorrow, List.of(partnerWithChildren()), List.of())))
        .isTrue();
  }

  @Nested
  class Refuses {

    @Test
    void someone_whose_date_of_birth_is_unknown() {
      assertThat(qualifies(person(null, List.of(partnerWithChildren()), List.of()))).isFalse();
    }

    @Test
    void someone_aged_17_or_31_on_asOfs_date() {
      LocalDate eighteenTomorrow = LocalDate.parse("2008-11-02");
      LocalDate thirtyOneToday = LocalDate.parse("1995-11-01");

      assertThat(qualifies(person(eighteenTomorrow, List.of(partnerWithChildren()), List.of())))
          .isFalse();
      assertThat(qualifies(person(thirtyOneToday, List.of(partnerWithChildren()), List.of())))
          .isFalse();
    }

    @Test
    void abuse_of_someone_other_than_a_partner() {
      var family = daysBefore(30).partner(false).children(true).build();

      assertThat(qualifies(person(TWENTY_FIVE, List.of(family), List.of()))).isFalse();
    }

    @Test
    void an_incident_without_children_present() {
      var noChildren = daysBefore(30).partner(true).children(false).build();

      assertThat(qualifies(person(TWENTY_FIVE, List.of(noChildren), List.of()))).isFalse();
    }

    @Test
    void someone_charged_or_cautioned_for_an_incident_in_the_window_even_after_a_later_nfa() {
      var incident = partnerWithChildren();
      for (String outcome : List.of("CHARGE", "CAUTION", "CONDITIONAL_CAUTION")) {
        var later = outcome(incident, "NFA");
        assertThat(
                qualifies(
                    person(
                        TWENTY_FIVE,
                        List.of(incident),
                        List.of(outcome(incident, outcome), later))))
            .as(outcome)
            .isFalse();
      }
    }

    @Test
    void someone_whose_latest_incident_is_in_another_area() {
      var here = daysBefore(30).partner(true).children(true).build();
      var elsewhere = daysBefore(10).partner(true).children(true).area("PORTSMOUTH").build();

      assertThat(qualifies(person(TWENTY_FIVE, List.of(here, elsewhere), List.of()))).isFalse();
    }
  }

  @Test
  void ignores_an_arrest_or_an_nfa() {
    var incident = partnerWithChildren();

    assertThat(
            qualifies(
                person(
                    TWENTY_FIVE,
                    List.of(incident),
                    List.of(outcome(incident, "ARREST"), outcome(incident, "NFA")))))
        .isTrue();
  }
}
