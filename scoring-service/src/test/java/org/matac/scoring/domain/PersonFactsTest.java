package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matac.scoring.domain.Incidents.AS_OF;
import static org.matac.scoring.domain.Incidents.daysBefore;
import static org.matac.scoring.domain.Incidents.person;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The state of a person as known at an instant: per record, the greatest version recorded by then.
 */
class PersonFactsTest {

  private static final Instant BEFORE = AS_OF.minus(Duration.ofDays(10));
  private static final Instant AFTER = AS_OF.plus(Duration.ofDays(1));

  private static Incidents.Builder version(String record) {
    return daysBefore(20).ref("HAMPSHIRE_POLICE", "INC-" + record).record(record);
  }

  private static List<String> offencesKnownAt(PersonFacts person, Instant asOf) {
    return person.incidentsKnownAt(asOf).stream()
        .flatMap(incident -> incident.offenceCategories().stream())
        .toList();
  }

  @Nested
  class ACorrection {

    private final PersonFacts corrected =
        person(
            version("R-1").offences("ABH").recordedAt(BEFORE).build(),
            version("R-1").offences("COMMON_ASSAULT").recordedAt(AFTER).build());

    @Test
    void recorded_after_the_instant_leaves_the_earlier_version_counting_then() {
      assertThat(offencesKnownAt(corrected, AS_OF)).containsExactly("ABH");
    }

    @Test
    void replaces_the_earlier_version_from_when_it_was_recorded() {
      assertThat(offencesKnownAt(corrected, AFTER)).containsExactly("COMMON_ASSAULT");
    }

    @Test
    void with_a_higher_record_version_wins_over_a_later_recorded_at() {
      PersonFacts person =
          person(
              version("R-2").offences("ABH").recordVersion(2).recordedAt(BEFORE).build(),
              version("R-2").offences("GBH").recordVersion(1).recordedAt(AS_OF).build());

      assertThat(offencesKnownAt(person, AS_OF)).containsExactly("ABH");
    }

    @Test
    void with_equal_version_and_time_is_ordered_by_event_id_bytes() {
      PersonFacts person =
          person(
              version("R-3").offences("GBH").recordedAt(BEFORE).eventId("b0000000").build(),
              version("R-3").offences("ABH").recordedAt(BEFORE).eventId("a0000000").build());

      assertThat(offencesKnownAt(person, AS_OF)).containsExactly("GBH");
    }
  }

  @Nested
  class AWithdrawal {

    @Test
    void recorded_after_the_instant_does_not_remove_the_record_then() {
      PersonFacts person =
          person(
              version("W-1").recordedAt(BEFORE).build(),
              version("W-1").recordedAt(AFTER).withdrawal().build());

      assertThat(person.incidentsKnownAt(AS_OF)).hasSize(1);
      assertThat(person.incidentsKnownAt(AFTER)).isEmpty();
    }

    @Test
    void is_undone_by_a_later_ordinary_version() {
      PersonFacts person =
          person(
              version("W-2").recordedAt(BEFORE).build(),
              version("W-2").recordedAt(BEFORE.plusSeconds(60)).withdrawal().build(),
              version("W-2").offences("ABH").recordedAt(BEFORE.plusSeconds(120)).build());

      assertThat(offencesKnownAt(person, AS_OF)).containsExactly("ABH");
    }
  }

  @Nested
  class AJusticeOutcome {

    private static PersonFacts.OutcomeFacts outcome(String outcome, Instant recordedAt) {
      return new PersonFacts.OutcomeFacts(
          "HAMPSHIRE_POLICE",
          "OUT-1",
          "HAMPSHIRE_POLICE",
          "INC-1",
          outcome,
          new VersionStamp(0, recordedAt, "", false));
    }

    @Test
    void is_the_version_known_at_the_instant() {
      PersonFacts person =
          new PersonFacts(
              Optional.empty(),
              List.of(),
              List.of(outcome("CAUTION", BEFORE), outcome("NFA", AFTER)));

      assertThat(person.outcomesKnownAt(AS_OF))
          .extracting(o -> o.outcome())
          .containsExactly("CAUTION");
      assertThat(person.outcomesKnownAt(AFTER)).extracting(o -> o.outcome()).containsExactly("NFA");
    }
  }
}
