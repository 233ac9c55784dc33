package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/**
 * An area's measures over HTTP: eleven people with an incident in the middle of last month, one of
 * them also the month before.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaMeasuresTest extends ScoringServiceTestBase {
  private static final String AUDITED =
      "SELECT count(*) FROM audit_event WHERE action = 'CONSULTATION' AND subject_type = 'AREA'"
          + " AND subject_id = ?";

  private static final String AREA = "MEASURES-" + UUID.randomUUID().toString().substring(0, 8);
  private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

  @Inject ObjectMapper json;

  private static Instant middleOf(YearMonth month) {
    return LocalDate.of(month.getYear(), month.getMonth(), 15)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private void publish(Profiles person) throws Exception {
    String id = person.message().perpetratorId();
    publishProfileChange(id, person.json(json));
    awaitScoreOf(id);
  }

  private static Profiles.IncidentBuilder incident(Instant at) {
    return Profiles.anIncident("AM/" + UUID.randomUUID())
        .at(at)
        .in(AREA)
        .offences(List.of("COMMON_ASSAULT"))
        .against("V-" + UUID.randomUUID());
  }

  @BeforeAll
  void elevenPeople() throws Exception {
    for (int i = 0; i < 10; i++) {
      publish(Profiles.of(UUID.randomUUID().toString()).incident(incident(middleOf(LAST_MONTH))));
    }
    publish(
        Profiles.of(UUID.randomUUID().toString())
            .incident(incident(middleOf(LAST_MONTH.minusMonths(1))))
            .incident(incident(middleOf(LAST_MONTH))));
  }

  private JsonNode row(JsonNode report, String measure) {
    for (JsonNode row : report.path("rows")) {
      if (row.path("measure").asText().equals(measure)) {
        return row;
      }
    }
    throw new AssertionError("no " + measure);
  }

  @Test
  void counts_each_month_with_its_definition_and_suppresses_small_counts() throws Exception {
    HttpResponse<String> response =
        get(
            "/api/v1/reports/measures?area=" + AREA,
            token("coordinator-am", "MATAC_COORDINATOR", "MEASURES_COUNCIL", AREA));

    assertThat(response.code()).as(body(response)).isEqualTo(200);
    JsonNode report = json.readTree(body(response));
    assertThat(report.path("months").get(11).asText()).isEqualTo(LAST_MONTH.toString());
    JsonNode incidents = row(report, "DA_INCIDENTS");
    assertThat(incidents.path("definition").asText()).startsWith("Incidents in the area");
    assertThat(incidents.path("months").get(11).path("value").asInt()).isEqualTo(11);
    assertThat(incidents.path("months").get(10).path("suppressed").asBoolean()).isTrue();
    assertThat(incidents.path("months").get(10).hasNonNull("value")).isFalse();
    assertThat(incidents.path("twelveMonths").path("value").asInt()).isEqualTo(12);
    assertThat(row(report, "PERPETRATORS").path("twelveMonths").path("value").asInt())
        .isEqualTo(11);
  }

  @Test
  void is_refused_to_a_coordinator_of_another_area() {
    assertThat(
            get(
                    "/api/v1/reports/measures?area=" + AREA,
                    token("coordinator-x", "MATAC_COORDINATOR", "OTHER_COUNCIL", "ELSEWHERE"))
                .code())
        .isEqualTo(403);
  }

  @Test
  void is_kept_in_the_audit_trail_as_a_consultation_of_the_area() throws Exception {
    long before = countOf(AUDITED, AREA);
    get(
        "/api/v1/reports/measures?area=" + AREA,
        token("coordinator-am", "MATAC_COORDINATOR", "MEASURES_COUNCIL", AREA));
    assertThat(countOf(AUDITED, AREA)).isEqualTo(before + 1);
  }
}
