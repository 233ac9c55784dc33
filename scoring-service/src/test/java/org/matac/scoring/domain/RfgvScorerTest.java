package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matac.scoring.domain.Incidents.AS_OF;
import static org.matac.scoring.domain.Incidents.bornOn;
import static org.matac.scoring.domain.Incidents.daysBefore;
import static org.matac.scoring.domain.Incidents.person;
import static org.matac.scoring.domain.Incidents.secondsBefore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfgvScorerTest {

  private final ScoringPolicy policy = Policies.rfgv1();

  private Score score(PersonFacts person) {
    return RfgvScorer.score(person, policy, AS_OF);
  }

  @Nested
  class Recency {

    @ParameterizedTest(name = "{0} days before asOf scores {1}")
    @CsvSource({
      "0, 5", "28, 5", "29, 4", "91, 4", "92, 3", "182, 3", "183, 2", "365, 2", "366, 1", "729, 1"
    })
    void follows_the_policy_bands_in_whole_days(long days, int points) {
      assertThat(score(person(daysBefore(days).build())).recency()).isEqualTo(points);
    }

    @Test
    void counts_whole_days_by_floor_so_a_day_less_one_second_is_still_the_same_day() {
      long twentyNineDaysLessASecond = 29 * 86_400 - 1;

      assertThat(score(person(secondsBefore(twentyNineDaysLessASecond).build())).recency())
          .isEqualTo(5);
    }

    @Test
    void is_zero_with_no_incident_in_the_window() {
      assertThat(score(person()).recency()).isZero();
    }
  }

  @Nested
  class TheWindow {

    @Test
    void excludes_an_incident_exactly_730_days_before_asOf() {
      Score score = score(person(daysBefore(730).build()));

      assertThat(score.frequency()).isZero();
      assertThat(score.total()).isZero();
    }

    @Test
    void includes_an_incident_one_second_inside_730_days() {
      assertThat(score(person(secondsBefore(730 * 86_400L - 1).build())).frequency()).isEqualTo(1);
    }

    @Test
    void excludes_an_incident_after_asOf() {
      assertThat(score(person(secondsBefore(-1).build())).frequency()).isZero();
    }

    @Test
    void excludes_a_record_recorded_after_asOf_because_it_was_not_known_then() {
      var late = daysBefore(10).recordedAt(AS_OF.plusSeconds(1)).build();

      assertThat(score(person(late)).frequency()).isZero();
    }
  }

  @Nested
  class Frequency {

    @ParameterizedTest(name = "{0} incidents score {1}")
    @CsvSource({"1, 1", "2, 2", "3, 3", "4, 3", "5, 4", "7, 4", "8, 5", "12, 5"})
    void follows_the_policy_bands(int count, int points) {
      IncidentFacts[] incidents =
          IntStream.range(0, count)
              .mapToObj(i -> daysBefore(10 + i).build())
              .toArray(IncidentFacts[]::new);

      assertThat(score(person(incidents)).frequency()).isEqualTo(points);
    }

    @Test
    void counts_two_suspect_records_of_one_incident_once() {
      var first = daysBefore(10).ref("HAMPSHIRE_POLICE", "44/1/26").build();
      var second = daysBefore(9).ref("HAMPSHIRE_POLICE", "44/1/26").victims("V-2").build();
      assertThat(first.sourceReference()).isNotEqualTo(second.sourceReference());

      Score score = score(person(first, second));

      assertThat(score.frequency()).isEqualTo(1);
      assertThat(score.victims()).isEqualTo(3);
      assertThat(score.latestIncident().orElseThrow().occurredAt()).isEqualTo(second.occurredAt());
    }
  }

  @Nested
  class HarmAndGravity {

    @ParameterizedTest(name = "{0} weighs {1} and scores gravity {2}")
    @CsvSource({
      "HOMICIDE, 5475, 5",
      "ATTEMPTED_MURDER, 3285, 5",
      "RAPE, 1825, 5",
      "SEXUAL_ASSAULT, 182, 3",
      "GBH, 547, 4",
      "ABH, 365, 4",
      "NON_FATAL_STRANGULATION, 365, 4",
      "THREATS_TO_KILL, 182, 3",
      "CONTROLLING_COERCIVE_BEHAVIOUR, 182, 3",
      "ARSON, 185, 3",
      "BREACH_OF_ORDER, 28, 2",
      "COMMON_ASSAULT, 19, 2",
      "STALKING, 10, 2",
      "HARASSMENT, 10, 2",
      "PUBLIC_ORDER, 7.5, 1",
      "CRIMINAL_DAMAGE, 2, 1",
      "OTHER, 5, 1",
      "NON_CRIME, 1, 1"
    })
    void uses_the_gravity_default_1_weights(String category, String weight, int gravity) {
      Score score = score(person(daysBefore(5).offences(category).build()));

      assertThat(score.harm()).isEqualByComparingTo(new BigDecimal(weight));
      assertThat(score.gravity()).isEqualTo(gravity);
    }

    @Test
    void takes_only_the_gravest_offence_of_each_incident_and_sums_across_incidents() {
      var mixed = daysBefore(5).offences("COMMON_ASSAULT", "ABH", "CRIMINAL_DAMAGE").build();
      var other = daysBefore(6).offences("STALKING").build();

      assertThat(score(person(mixed, other)).harm()).isEqualByComparingTo("375");
    }

    @Test
    void weighs_an_incident_without_offences_as_non_crime() {
      assertThat(score(person(daysBefore(5).offences().build())).harm()).isEqualByComparingTo("1");
    }

    @ParameterizedTest(name = "{0} sum to H = {1}, gravity {2}")
    @CsvSource({
      "PUBLIC_ORDER CRIMINAL_DAMAGE, 9.5, 1",
      "STALKING, 10, 2",
      "PUBLIC_ORDER COMMON_ASSAULT COMMON_ASSAULT CRIMINAL_DAMAGE CRIMINAL_DAMAGE, 49.5, 2",
      "COMMON_ASSAULT COMMON_ASSAULT STALKING NON_CRIME NON_CRIME, 50, 3",
      "THREATS_TO_KILL BREACH_OF_ORDER BREACH_OF_ORDER BREACH_OF_ORDER BREACH_OF_ORDER"
          + " BREACH_OF_ORDER BREACH_OF_ORDER OTHER CRIMINAL_DAMAGE PUBLIC_ORDER, 364.5, 3",
      "ABH, 365, 4",
      "GBH GBH GBH PUBLIC_ORDER BREACH_OF_ORDER BREACH_OF_ORDER BREACH_OF_ORDER BREACH_OF_ORDER"
          + " BREACH_OF_ORDER BREACH_OF_ORDER OTHER CRIMINAL_DAMAGE NON_CRIME, 1824.5, 4",
      "RAPE, 1825, 5"
    })
    void bands_harm_at_the_policy_boundaries(String categories, String harm, int gravity) {
      String[] each = categories.split(" ");
      IncidentFacts[] incidents =
          IntStream.range(0, each.length)
              .mapToObj(i -> daysBefore(1 + i).offences(each[i]).build())
              .toArray(IncidentFacts[]::new);

      Score score = score(person(incidents));

      assertThat(score.harm()).isEqualByComparingTo(harm);
      assertThat(score.gravity()).isEqualTo(gravity);
    }

    @Test
    void scores_no_gravity_without_harm() {
      assertThat(score(person()).gravity()).isZero();
    }
  }

  @Nested
  class Victims {

    @ParameterizedTest(name = "{0} distinct victims score {1}")
    @CsvSource({"1, 1", "2, 3", "3, 4", "4, 5", "6, 5"})
    void follows_the_policy_bands(int count, int points) {
      String[] refs = IntStream.range(0, count).mapToObj(i -> "V-" + i).toArray(String[]::new);

      assertThat(score(person(daysBefore(5).victims(refs).build())).victims()).isEqualTo(points);
    }

    @Test
    void counts_a_victim_recorded_by_two_agencies_twice_as_the_known_limitation_says() {
      var police = daysBefore(5).build();
      var idva =
          new IncidentFacts(
              "SOUTHAMPTON_IDVA",
              "IDVA-1",
              "IDVA-1",
              police.occurredAt(),
              police.recordedAt(),
              "SOUTHAMPTON",
              List.of("OTHER"),
              Set.of(new IncidentFacts.VictimKey("SOUTHAMPTON_IDVA", "V-1")),
              false,
              true);

      assertThat(score(person(police, idva)).victims()).isEqualTo(3);
    }
  }

  @Nested
  class Total {

    @Test
    void is_recency_plus_frequency_plus_twice_gravity_plus_twice_victims() {
      Score score = score(person(daysBefore(100).offences("ABH").victims("V-1", "V-2").build()));

      assertThat(score.total())
          .isEqualTo(
              score.recency() + score.frequency() + 2 * score.gravity() + 2 * score.victims());
      assertThat(score.total()).isEqualTo(3 + 1 + 2 * 4 + 2 * 3);
    }
  }

  @Nested
  class SerialFlag {

    @Test
    void is_set_by_two_incidents_against_two_victims_within_three_years() {
      var first = daysBefore(1000).victims("V-1").build();
      var second = daysBefore(10).victims("V-2").build();

      assertThat(score(person(first, second)).flags().serial()).isTrue();
    }

    @Test
    void is_not_set_by_two_incidents_against_the_same_victim() {
      assertThat(
              score(
                      person(
                          daysBefore(20).victims("V-1").build(),
                          daysBefore(10).victims("V-1").build()))
                  .flags()
                  .serial())
          .isFalse();
    }

    @Test
    void is_not_set_when_an_incident_falls_outside_1095_days() {
      var old = daysBefore(1095).victims("V-1").build();
      var recent = daysBefore(10).victims("V-2").build();

      assertThat(score(person(old, recent)).flags().serial()).isFalse();
    }

    @Test
    void is_not_set_for_someone_under_16_on_the_date_of_the_latest_incident() {
      var first = daysBefore(20).victims("V-1").build();
      var latest = daysBefore(10).victims("V-2").build();
      LocalDate sixteenTheDayAfter = LocalDate.parse("2010-10-23");

      assertThat(score(bornOn(sixteenTheDayAfter, first, latest)).flags().serial()).isFalse();
    }

    @Test
    void is_set_for_someone_who_turned_16_on_the_date_of_the_latest_incident() {
      var first = daysBefore(20).victims("V-1").build();
      var latest = daysBefore(10).victims("V-2").build();
      LocalDate sixteenThatDay = LocalDate.parse("2010-10-22");

      assertThat(score(bornOn(sixteenThatDay, first, latest)).flags().serial()).isTrue();
    }
  }

  @Nested
  class RepeatFlag {

    @Test
    void is_set_by_two_incidents_against_one_victim_at_most_365_days_apart() {
      var first = daysBefore(400).victims("V-1").build();
      var second = daysBefore(35).victims("V-1").build();

      assertThat(score(person(first, second)).flags().repeat()).isTrue();
    }

    @Test
    void is_not_set_when_they_are_366_days_apart() {
      var first = daysBefore(401).victims("V-1").build();
      var second = daysBefore(35).victims("V-1").build();

      assertThat(score(person(first, second)).flags().repeat()).isFalse();
    }
  }

  @Nested
  class EscalatingFlag {

    @Test
    void is_set_when_the_last_half_year_holds_two_incidents_and_more_harm_than_the_one_before() {
      var before = daysBefore(300).offences("COMMON_ASSAULT").build();
      var recent1 = daysBefore(100).offences("COMMON_ASSAULT").build();
      var recent2 = daysBefore(50).offences("OTHER").build();

      assertThat(score(person(before, recent1, recent2)).flags().escalating()).isTrue();
    }

    @Test
    void is_not_set_when_the_harm_is_equal() {
      var before1 = daysBefore(300).offences("COMMON_ASSAULT").build();
      var before2 = daysBefore(250).offences("OTHER").build();
      var recent1 = daysBefore(100).offences("COMMON_ASSAULT").build();
      var recent2 = daysBefore(50).offences("OTHER").build();

      assertThat(score(person(before1, before2, recent1, recent2)).flags().escalating()).isFalse();
    }

    @Test
    void is_not_set_by_a_single_recent_incident() {
      assertThat(score(person(daysBefore(50).offences("GBH").build())).flags().escalating())
          .isFalse();
    }
  }

  @Nested
  class TheLatestIncident {

    @Test
    void breaks_a_tie_in_time_by_source_then_incident_reference() {
      var a = daysBefore(5).ref("HAMPSHIRE_POLICE", "A").area("FAREHAM").build();
      var b = daysBefore(5).ref("HAMPSHIRE_POLICE", "B").area("GOSPORT").build();

      assertThat(score(person(b, a)).latestIncident().orElseThrow().area()).isEqualTo("GOSPORT");
    }
  }
}
