package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/**
 * MATAC's outcomes in an area whose figures can be checked by hand (gravity weights from
 * docs/scoring-policy.md: ABH 365, COMMON_ASSAULT 19). A cycle 400 days ago proposed the policy's
 * top 20 of 26 candidates: twelve with an ABH against two victims (ranked first) were taken on,
 * eight with an ABH against one victim were proposed and rejected, and six more like them were
 * ranked below the list. Six of the twelve, and none of the others, had a common assault against a
 * new victim 50 days after entry. A cycle 100 days ago took one more person on, whose year has not
 * passed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatacOutcomeReportTest extends ScoringServiceTestBase {
  private static final String AUDITED =
      "SELECT count(*) FROM audit_event WHERE action = 'CONSULTATION' AND subject_type = 'AREA'"
          + " AND subject_id = ?";

  private static final String AREA = "OUTCOME-" + UUID.randomUUID().toString().substring(0, 8);
  private static final LocalDate FIRST_CYCLE = LocalDate.now(ZoneOffset.UTC).minusDays(400);
  private static final LocalDate SECOND_CYCLE = LocalDate.now(ZoneOffset.UTC).minusDays(100);
  private static final Instant ENTRY = FIRST_CYCLE.atStartOfDay(ZoneOffset.UTC).toInstant();

  @Inject ObjectMapper json;

  private final List<String> takenOn = new ArrayList<>();
  private final List<String> comparisons = new ArrayList<>();
  private final String takenOnLater = UUID.randomUUID().toString();
  private JsonNode report;

  private String coordinator() {
    return token("coordinator-oc", "MATAC_COORDINATOR", "OUTCOME_COUNCIL", AREA);
  }

  private static Profiles.IncidentBuilder incident(Instant at, String offence, String... victims) {
    Profiles.IncidentBuilder incident =
        Profiles.anIncident("OC/" + UUID.randomUUID()).at(at).in(AREA).offences(List.of(offence));
    for (String victim : victims) {
      incident.against(victim);
    }
    return incident;
  }

  private void publish(Profiles person) throws Exception {
    String id = person.message().perpetratorId();
    publishProfileChange(id, person.json(json));
    awaitScoreOf(id);
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response =
        exchange(HttpRequest.POST(path, body).bearerAuth(coordinator()));
    assertThat(response.code()).as(path + ": " + body(response)).isBetween(200, 201);
    return json.readTree(body(response));
  }

  /** Drafts the cycle, approves those in {@code approved}, rejects every other proposal. */
  private void cycle(LocalDate date, Set<String> approved) throws Exception {
    JsonNode draft =
        post(
            "/api/v1/tasking-cycles", "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + date + "\"}");
    String cycleId = draft.path("cycle").path("id").asText();
    for (JsonNode entry : draft.path("entries")) {
      String id = entry.path("perpetratorId").asText();
      boolean approve = approved.contains(id) || entry.path("kind").asText().equals("REVIEW");
      post(
          "/api/v1/tasking-cycles/" + cycleId + "/entries/" + id + "/decision",
          "{\"decision\":\"" + (approve ? "APPROVE" : "REJECT") + "\",\"reason\":\"panel\"}");
    }
    post("/api/v1/tasking-cycles/" + cycleId + "/publish", "");
  }

  @BeforeAll
  void twoCyclesOfAnArea() throws Exception {
    Instant before = ENTRY.minus(Duration.ofDays(10));
    for (int i = 0; i < 12; i++) {
      String id = UUID.randomUUID().toString();
      takenOn.add(id);
      Profiles person =
          Profiles.of(id).incident(incident(before, "ABH", "V-" + id + "-1", "V-" + id + "-2"));
      if (i % 2 == 0) {
        person.incident(
            incident(ENTRY.plus(Duration.ofDays(50)), "COMMON_ASSAULT", "V-" + id + "-3"));
      }
      publish(person);
    }
    for (int i = 0; i < 14; i++) {
      String id = UUID.randomUUID().toString();
      comparisons.add(id);
      publish(Profiles.of(id).incident(incident(before, "ABH", "V-" + id + "-1")));
    }
    publish(
        Profiles.of(takenOnLater)
            .incident(
                incident(
                    SECOND_CYCLE.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(5)),
                    "ABH",
                    "V-later")));
    cycle(FIRST_CYCLE, Set.copyOf(takenOn));
    cycle(SECOND_CYCLE, Set.of(takenOnLater));
    HttpResponse<String> response =
        get("/api/v1/reports/outcomes/matac?area=" + AREA, coordinator());
    assertThat(response.code()).as(body(response)).isEqualTo(200);
    report = json.readTree(body(response));
  }

  private JsonNode mean(JsonNode means, String measure) {
    for (JsonNode mean : means) {
      if (mean.path("measure").asText().equals(measure)) {
        return mean.path("mean");
      }
    }
    throw new AssertionError("no " + measure + " in " + means);
  }

  @Nested
  class TheReport {

    @Test
    void counts_everyone_taken_on_and_sets_aside_those_whose_year_has_not_passed() {
      assertThat(report.path("strata").asInt()).as("cycles").isEqualTo(2);
      assertThat(report.path("takenOn").asInt()).isEqualTo(13);
      assertThat(report.path("notYetEligible").asInt()).isEqualTo(1);
      assertThat(report.path("policyId").asText()).isEqualTo("rfgv-1");
      assertThat(report.path("caveats")).hasSize(5);
    }

    @Test
    void describes_the_three_years_around_entry_of_those_followed_up() {
      JsonNode beforeAfter = report.path("beforeAfter");
      assertThat(beforeAfter.path("people").asInt()).isEqualTo(12);
      JsonNode harm = mean(beforeAfter.path("means"), "HARM");
      assertThat(harm.path("earlier").asDouble()).isZero();
      assertThat(harm.path("before").asDouble()).isEqualTo(365);
      assertThat(harm.path("after").asDouble()).isCloseTo(19 / 2.0, within(1e-9));
      assertThat(mean(beforeAfter.path("means"), "NEW_VICTIMS").path("after").asDouble())
          .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void
        compares_with_the_rejected_and_those_ranked_below_the_list_but_estimates_nothing_from_twelve_pairs() {
      JsonNode matched = report.path("matched");
      assertThat(matched.path("treated").asInt()).isEqualTo(12);
      assertThat(matched.path("pool").asInt()).isEqualTo(14);
      assertThat(matched.path("pairs").asInt()).isEqualTo(12);
      assertThat(matched.path("strength").asText()).isEqualTo("TOO_FEW");
      assertThat(matched.path("estimates")).isEmpty();
      assertThat(matched.path("balance").findValuesAsText("covariate"))
          .contains("HARM_BEFORE", "AGE");
      for (JsonNode row : matched.path("balance")) {
        if (row.path("covariate").asText().equals("AGE")) {
          assertThat(row.path("unknown").asInt()).as("no date of birth was sent").isEqualTo(26);
        }
        if (row.path("covariate").asText().equals("VICTIMS_BEFORE")) {
          assertThat(row.path("treatedMean").asDouble()).isEqualTo(2);
          assertThat(row.path("poolMean").asDouble()).isEqualTo(1);
        }
      }
    }

    @Test
    void times_the_first_reoffence_half_the_taken_on_on_day_fifty_none_of_the_others() {
      JsonNode treated = report.path("survival").path("treated");
      assertThat(treated.path("people").asInt()).isEqualTo(12);
      assertThat(treated.path("reoffended").asInt()).isEqualTo(6);
      assertThat(treated.path("steps").get(1).path("day").asInt()).isEqualTo(50);
      assertThat(treated.path("steps").get(1).path("surviving").asDouble()).isEqualTo(0.5);
      assertThat(report.path("survival").path("comparison").path("reoffended").asInt()).isZero();
    }

    @Test
    void names_no_one() {
      String text = report.toString();
      for (String id : takenOn) {
        assertThat(text).doesNotContain(id);
      }
      for (String id : comparisons) {
        assertThat(text).doesNotContain(id);
      }
    }
  }

  @Test
  void leaves_out_cycles_published_after_the_reports_instant() throws Exception {
    String before = Instant.now().minus(Duration.ofDays(1)).toString();
    HttpResponse<String> response =
        get("/api/v1/reports/outcomes/matac?area=" + AREA + "&asOf=" + before, coordinator());
    assertThat(response.code()).isEqualTo(400);
    assertThat(body(response)).contains("Too few people taken on");
  }

  @Nested
  class Refused {

    @Test
    void for_an_area_with_fewer_than_ten_people_followed_up_saying_why() {
      HttpResponse<String> response =
          get(
              "/api/v1/reports/outcomes/matac?area=" + AREA + "-EMPTY",
              token("analyst-oc", "ANALYST", "OUTCOME_COUNCIL"));
      assertThat(response.code()).isEqualTo(400);
      assertThat(body(response)).contains("Too few people taken on");
    }

    @Test
    void to_a_coordinator_of_another_area() {
      assertThat(
              get(
                      "/api/v1/reports/outcomes/matac?area=" + AREA,
                      token("coordinator-x", "MATAC_COORDINATOR", "OTHER_COUNCIL", "ELSEWHERE"))
                  .code())
          .isEqualTo(403);
    }

    @Test
    void to_a_caseworker() {
      assertThat(
              get(
                      "/api/v1/reports/outcomes/matac?area=" + AREA,
                      token("caseworker-oc", "CASEWORKER", "HAMPTON_TRUST", AREA))
                  .code())
          .isEqualTo(403);
    }
  }

  @Test
  void is_kept_in_the_audit_trail_as_a_consultation_of_the_area() throws Exception {
    long before = countOf(AUDITED, AREA);
    get("/api/v1/reports/outcomes/matac?area=" + AREA, coordinator());
    assertThat(countOf(AUDITED, AREA)).isEqualTo(before + 1);
  }
}
