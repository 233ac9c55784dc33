package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.events.access.Roles;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/**
 * How concentrated harm was in an area, with figures a reader can check against the policy's
 * gravity table (docs/scoring-policy.md: COMMON_ASSAULT 19, ABH 365, GBH 547).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarmReportTest extends ScoringServiceTestBase {

  private static final String AREA = "HARM-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String SMALL_AREA = AREA + "-SMALL";
  private final Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final Instant from = to.minus(Duration.ofDays(60));
  private final Instant during = to.minus(Duration.ofDays(10));

  @Inject ObjectMapper json;

  private void publish(Profiles person) throws Exception {
    var message = person.message();
    publishProfileChange(message.perpetratorId(), person.json(json));
    awaitScoreOf(message.perpetratorId());
  }

  private static Profiles.IncidentBuilder incident(String area, Instant at, String... offences) {
    return Profiles.anIncident("HR/" + UUID.randomUUID())
        .at(at)
        .in(area)
        .offences(List.of(offences))
        .against("V-" + UUID.randomUUID());
  }

  /**
   * Twelve people in the area: ten with one common assault (19 each), one with a GBH and an ABH in
   * the period (547 + 365 = 912) who was also known a year before it, and one with one ABH (365)
   * seen for the first time. Total harm 190 + 912 + 365 = 1,467.
   */
  @BeforeAll
  void twelvePeopleHarmedInThePeriod() throws Exception {
    for (int i = 0; i < 10; i++) {
      publish(
          Profiles.of(UUID.randomUUID().toString())
              .incident(incident(AREA, during, "COMMON_ASSAULT")));
    }
    publish(
        Profiles.of(UUID.randomUUID().toString())
            .incident(incident(AREA, to.minus(Duration.ofDays(400)), "COMMON_ASSAULT"))
            .incident(incident(AREA, during.minus(Duration.ofDays(5)), "GBH"))
            .incident(incident(AREA, during, "ABH", "COMMON_ASSAULT")));
    publish(Profiles.of(UUID.randomUUID().toString()).incident(incident(AREA, during, "ABH")));
    for (int i = 0; i < 3; i++) {
      publish(
          Profiles.of(UUID.randomUUID().toString())
              .incident(incident(SMALL_AREA, during, "COMMON_ASSAULT")));
    }
  }

  private String path(String area) {
    return "/api/v1/reports/harm-concentration?area=" + area + "&from=" + from + "&to=" + to;
  }

  private JsonNode report(String token) throws Exception {
    return json.readTree(body(get(path(AREA), token)));
  }

  @Nested
  class ForAnAnalyst {

    @Test
    void counts_the_people_and_weighs_their_harm_by_the_gravity_table() throws Exception {
      JsonNode report = report(analystToken());

      assertThat(report.path("people").asInt()).isEqualTo(12);
      assertThat(report.path("totalHarm").asDouble()).isCloseTo(1_467, within(1e-9));
      assertThat(report.path("harmWeights").asText()).isNotBlank();
      assertThat(report.path("seed").asLong()).isEqualTo(1);
    }

    @Test
    void says_what_the_highest_harm_tenth_caused_and_who_of_them_was_new() throws Exception {
      // 10% of 12 people rounds up to 2: the 912 and the 365, 1,277 of 1,467. Only the second
      // had no incident before the period.
      JsonNode tenth = report(analystToken()).path("highestHarm").get(3);

      assertThat(tenth.path("fractionOfPeople").asDouble()).isEqualTo(0.10);
      assertThat(tenth.path("people").asInt()).isEqualTo(2);
      assertThat(tenth.path("ofHarm").asDouble()).isCloseTo(1_277 / 1_467.0, within(1e-9));
      assertThat(tenth.path("withNoEarlierIncident").asInt()).isEqualTo(1);
    }

    @Test
    void weighs_perpetrator_victim_pairs_too() throws Exception {
      // Each incident names one victim of its own: thirteen pairs, the GBH's 547 and two 365s
      // at the top. 10% of 13 pairs rounds up to 2: 547 + 365 = 912 of 1,467.
      JsonNode pairs = report(analystToken()).path("pairs");

      assertThat(pairs.path("pairs").asInt()).isEqualTo(13);
      assertThat(pairs.path("highestHarm").get(3).path("ofHarm").asDouble())
          .isCloseTo(912 / 1_467.0, within(1e-9));
    }

    @Test
    void says_how_many_people_cover_half_and_four_fifths_of_the_harm() throws Exception {
      // 912 is 62% of 1,467; 912 + 365 = 1,277 is 87%.
      JsonNode coverage = report(analystToken()).path("coverage");

      assertThat(coverage.findValuesAsText("people")).containsExactly("1", "2");
    }

    @Test
    void gives_a_gini_coefficient_inside_its_bootstrap_interval_and_the_same_again_for_a_seed()
        throws Exception {
      JsonNode first = report(analystToken());
      JsonNode again = report(analystToken());

      double gini = first.path("gini").asDouble();
      assertThat(gini).isBetween(first.path("giniInterval").path("low").asDouble(), 1.0);
      assertThat(gini).isBetween(0.0, first.path("giniInterval").path("high").asDouble());
      assertThat(again.path("giniInterval")).isEqualTo(first.path("giniInterval"));
      assertThat(first.path("lorenz").size()).isEqualTo(13);
    }
  }

  @Nested
  class AnAreaWhereFewerThanTenPeopleCausedHarm {

    @Test
    void is_not_reported_since_its_shares_would_point_at_someone() throws Exception {
      var response = get(path(SMALL_AREA), analystToken());

      assertThat(response.code()).isEqualTo(400);
      assertThat(body(response)).contains("Too few people");
    }
  }

  @Nested
  class ACoordinator {

    @Test
    void reads_their_own_area_and_not_another() throws Exception {
      String own = token("coordinator-harm", Roles.MATAC_COORDINATOR, "TEST_VALLEY_COUNCIL", AREA);
      String other =
          token("coordinator-else", Roles.MATAC_COORDINATOR, "TEST_VALLEY_COUNCIL", "ELSEWHERE");

      assertThat(get(path(AREA), own).code()).isEqualTo(200);
      assertThat(get(path(AREA), other).code()).isEqualTo(403);
    }

    @Test
    void a_caseworker_is_not_shown_the_report() throws Exception {
      String caseworker = token("cw-harm", Roles.CASEWORKER, "HAMPTON_TRUST", AREA);

      assertThat(get(path(AREA), caseworker).code()).isEqualTo(403);
    }
  }
}
