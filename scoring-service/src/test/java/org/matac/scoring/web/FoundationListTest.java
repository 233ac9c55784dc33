package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

@MicronautTest(transactional = false)
class FoundationListTest extends ScoringServiceTestBase {

  private static final String AREA = "HAVANT";

  @Inject ObjectMapper json;

  /**
   * A person with one incident in the area twenty days ago, against an ex-partner with children
   * present, and a charge recorded on it for each of {@code charges}.
   */
  private void publish(String id, LocalDate born, List<String> charges) throws Exception {
    Instant at = Instant.now().minus(Duration.ofDays(20));
    String reference = "HV/" + id;
    Profiles profile =
        Profiles.of(id)
            .version(1)
            .changes()
            .born(born)
            .incident(
                Profiles.anIncident(reference)
                    .at(at)
                    .in(AREA)
                    .against("V-" + id, "EX_PARTNER")
                    .childrenPresent());
    charges.forEach(
        charge ->
            profile.record(
                "JUSTICE_OUTCOME_RECORDED",
                charge,
                at,
                at,
                null,
                Map.of("incidentRef", reference, "outcome", "CHARGE")));
    publishProfileChange(id, profile.json(json));
  }

  @Test
  void lists_who_meets_the_foundation_rules_and_leaves_out_someone_already_charged()
      throws Exception {
    LocalDate born = LocalDate.now(ZoneOffset.UTC).minusYears(24);
    String eligible = UUID.randomUUID().toString();
    String charged = UUID.randomUUID().toString();
    String unknownAge = UUID.randomUUID().toString();
    publish(eligible, born, List.of());
    publish(charged, born, List.of("OUT/1"));
    publish(unknownAge, null, List.of());
    for (String id : List.of(eligible, charged, unknownAge)) {
      awaitScoreOf(id);
    }
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    var response =
        exchange(
            HttpRequest.POST(
                    "/api/v1/cohorts/foundation",
                    "{\"area\":\"" + AREA + "\",\"asOf\":\"" + tomorrow + "\"}")
                .bearerAuth(analystToken()));

    assertThat(response.code()).isEqualTo(200);
    JsonNode cohort = json.readTree(body(response));
    assertThat(cohort.path("asOf").asText()).isEqualTo(tomorrow + "T00:00:00Z");
    assertThat(cohort.path("entries").findValuesAsText("perpetratorId")).containsExactly(eligible);

    String request = "{\"area\":\"" + AREA + "\",\"asOf\":\"" + tomorrow + "\"}";
    var published =
        exchange(
            HttpRequest.POST("/api/v1/cohorts/foundation/publications", request)
                .bearerAuth(analystToken()));
    assertThat(published.code()).isEqualTo(201);
    var message =
        topics.readUntil(
            Topics.FOUNDATION_LIST_PUBLISHED,
            record -> eligible.equals(record.key()),
            Duration.ofSeconds(30));
    assertThat(json.readTree(message.get(message.size() - 1).value()).path("rank").asInt())
        .isEqualTo(1);
    assertThat(
            countOf(
                "SELECT count(*) FROM audit_event WHERE action = 'DISCLOSURE'"
                    + " AND subject_id = ? AND recipient = ?",
                eligible,
                "Foundation programme, " + AREA))
        .isEqualTo(1);
    assertThat(
            exchange(
                    HttpRequest.POST("/api/v1/cohorts/foundation/publications", request)
                        .bearerAuth(analystToken()))
                .code())
        .as("a list is published once")
        .isEqualTo(409);
  }
}
