package org.matac.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.DeadLetterHeaders;
import org.matac.events.Topics;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

@MicronautTest(transactional = false)
class ProfileChangedListenerTest extends ScoringServiceTestBase {

  @Inject ObjectMapper json;

  private String analyst() {
    return analystToken();
  }

  private HttpResponse<String> get(String path) {
    return get(path, analyst());
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(response.getBody(String.class).orElseThrow());
  }

  private ProfileChanged profileChange(String perpetratorId, long version, Instant occurredAt) {
    return Profiles.of(perpetratorId)
        .knownAs("HAMPSHIRE_POLICE", "NICHE-SC-1")
        .version(version)
        .changedAt(occurredAt)
        .incident(
            Profiles.anIncident("44/9/26")
                .at(occurredAt)
                .offences(List.of("ABH"))
                .against("V-SC-1", "EX_PARTNER"))
        .message();
  }

  @Nested
  class AProfileChange {

    @Test
    void is_scored_and_the_change_published_once_however_often_it_is_delivered() throws Exception {
      String perpetratorId = UUID.randomUUID().toString();
      ProfileChanged first = profileChange(perpetratorId, 1, Instant.now().minusSeconds(3600));
      ProfileChanged second =
          profileChange(perpetratorId, 2, Instant.now().minusSeconds(60 * 86_400));
      String redelivered = json.writeValueAsString(first);

      publishProfileChange(perpetratorId, redelivered);
      publishProfileChange(perpetratorId, redelivered);
      // Same key, same partition: once the second change shows, the redelivery was processed.
      publishProfileChange(perpetratorId, json.writeValueAsString(second));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  read(get("/api/v1/scores/" + perpetratorId + "/history")).path("entries").size()
                      == 2);
      var changes =
          topics.readAll(Topics.SCORE_CHANGED, Duration.ofSeconds(2)).stream()
              .filter(record -> perpetratorId.equals(record.key()))
              .toList();
      assertThat(changes).hasSize(2);
      JsonNode score = read(get("/api/v1/scores/" + perpetratorId)).path("score");
      assertThat(score.path("policyId").asText()).isEqualTo("rfgv-1");
      assertThat(score.path("recency").asInt()).isEqualTo(4);
      assertThat(score.path("gravity").asInt()).isEqualTo(4);
      assertThat(score.path("total").asInt()).isEqualTo(4 + 1 + 2 * 4 + 2 * 1);
      assertThat(score.path("evidence").findValuesAsText("incidentRef")).containsExactly("44/9/26");
    }

    @Test
    void scores_for_a_past_instant_from_what_was_known_then() throws Exception {
      String perpetratorId = UUID.randomUUID().toString();
      Instant occurred = Instant.parse("2026-06-01T12:00:00Z");
      publishProfileChange(
          perpetratorId, json.writeValueAsString(profileChange(perpetratorId, 1, occurred)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/api/v1/scores/" + perpetratorId).code() == 200);

      JsonNode before = read(get("/api/v1/scores/" + perpetratorId + "?asOf=2026-06-01T11:00:00Z"));
      JsonNode after = read(get("/api/v1/scores/" + perpetratorId + "?asOf=2026-06-20T00:00:00Z"));

      assertThat(before.path("score").path("total").asInt()).isZero();
      assertThat(after.path("score").path("recency").asInt()).isEqualTo(5);
    }
  }

  @Nested
  class APersonDisposedOfInTracking {

    @Test
    void loses_facts_and_scores_and_is_not_restored_by_a_change_still_in_flight() throws Exception {
      String perpetratorId = UUID.randomUUID().toString();
      String change =
          json.writeValueAsString(
              profileChange(perpetratorId, 1, Instant.now().minusSeconds(3600)));
      publishProfileChange(perpetratorId, change);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/api/v1/scores/" + perpetratorId).code() == 200);

      topics.send(
          Topics.PERPETRATOR_DISPOSED,
          perpetratorId,
          json.writeValueAsString(
              new PerpetratorDisposed(
                  UUID.randomUUID(), perpetratorId, List.of(perpetratorId), Instant.now())));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/api/v1/scores/" + perpetratorId).code() == 404);
      // Published before the disposal, read after it; same key, same partition: once the other
      // person is scored, the late change was handled.
      String someoneElse = UUID.randomUUID().toString();
      publishProfileChange(
          perpetratorId,
          json.writeValueAsString(
              profileChange(perpetratorId, 2, Instant.now().minusSeconds(1800))));
      publishProfileChange(
          perpetratorId,
          json.writeValueAsString(profileChange(someoneElse, 1, Instant.now().minusSeconds(60))));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/api/v1/scores/" + someoneElse).code() == 200);

      assertThat(get("/api/v1/scores/" + perpetratorId).code()).isEqualTo(404);
      assertThat(
              countOf(
                  "SELECT count(*) FROM score_history WHERE perpetrator_id = ?::uuid",
                  perpetratorId))
          .isZero();
      assertThat(
              countOf(
                  "SELECT count(*) FROM audit_event WHERE action = 'ERASURE' AND subject_id = ?",
                  perpetratorId))
          .isEqualTo(1);
    }
  }

  @Nested
  class AScoreRead {

    @Test
    void by_a_coordinator_is_allowed_in_their_area_and_refused_elsewhere() throws Exception {
      String perpetratorId = UUID.randomUUID().toString();
      publishProfileChange(
          perpetratorId,
          json.writeValueAsString(profileChange(perpetratorId, 1, Instant.now().minusSeconds(60))));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/api/v1/scores/" + perpetratorId).code() == 200);

      String here = token("c-1", "MATAC_COORDINATOR", "COUNCIL", "SOUTHAMPTON");
      String elsewhere = token("c-2", "MATAC_COORDINATOR", "COUNCIL", "PORTSMOUTH");

      assertThat(get("/api/v1/scores/" + perpetratorId, here).code()).isEqualTo(200);
      assertThat(get("/api/v1/scores/" + perpetratorId, elsewhere).code()).isEqualTo(403);
      assertThat(get("/api/v1/scores/" + perpetratorId + "/history", elsewhere).code())
          .isEqualTo(403);
    }
  }

  @Nested
  class AnUnreadableMessage {

    @Test
    void is_dead_lettered_on_the_scoring_dead_letter_topic() {
      String garbage = "not a profile " + UUID.randomUUID();

      publishProfileChange("x", garbage);

      var dead =
          topics.readUntil(
              Topics.SCORING_DEAD_LETTER,
              record -> garbage.equals(record.value()),
              Duration.ofSeconds(30));
      assertThat(dead.get(dead.size() - 1).headers().get(DeadLetterHeaders.REASON))
          .isEqualTo("UNREADABLE_MESSAGE");
    }
  }

  @Nested
  class TheScoreEndpoint {

    @Test
    void answers_404_problem_for_someone_scoring_has_no_facts_about() {
      var response = get("/api/v1/scores/" + UUID.randomUUID());

      assertThat(response.code()).isEqualTo(404);
      assertThat(response.getContentType().orElseThrow().toString())
          .isEqualTo("application/problem+json");
    }

    @Test
    void refuses_a_caseworker_because_scores_are_assessments_for_coordinators_and_analysts() {
      String caseworker =
          infrastructure.token(
              "cw-1", List.of("CASEWORKER"), "HAMPTON_TRUST", List.of("SOUTHAMPTON"));
      try {
        http.toBlocking()
            .exchange(
                HttpRequest.GET("/api/v1/scores/" + UUID.randomUUID()).bearerAuth(caseworker));
      } catch (HttpClientResponseException e) {
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        return;
      }
      throw new AssertionError("a caseworker was allowed to read a score");
    }
  }
}
