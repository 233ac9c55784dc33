package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * Retention reviews: a profile falls due a review period (six years here) after its last record; an
 * admin keeps it until a later review or disposes of it, which erases it for good.
 */
@MicronautTest(transactional = false)
class RetentionReviewTest extends TrackingServiceTestBase {

  private static final String LONG_AGO = "2019-03-01T10:00:00Z";
  private static final String REVIEWS = "/api/v1/retention/reviews";

  @Inject ObjectMapper json;

  private String admin() {
    return token("records-manager-1", "ADMIN", POLICE);
  }

  private Envelopes.Incident recordedLongAgo() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    return Envelopes.incident()
        .occurredAt("2019-02-27T22:00:00Z")
        .recordedAt(LONG_AGO)
        .named("Erasable" + marker, "Nobody" + marker)
        .withVictimAddress("Flat " + marker + ", Fictional Row");
  }

  private String accept(Envelopes.Incident incident) throws Exception {
    HttpResponse<String> response = postEvent(incident.json(), partnerToken(incident.source));
    assertThat(response.code()).isEqualTo(202);
    return profileIdOf(incident.sourcePersonId);
  }

  private String profileIdOf(String sourcePersonId) throws Exception {
    return profileIdOf(POLICE, sourcePersonId);
  }

  private String profileIdOf(String source, String sourcePersonId) throws Exception {
    JsonNode items = profilesOf(source, sourcePersonId);
    assertThat(items).hasSize(1);
    return items.get(0).path("id").asText();
  }

  private JsonNode profilesOf(String sourcePersonId) throws Exception {
    return profilesOf(POLICE, sourcePersonId);
  }

  private JsonNode profilesOf(String source, String sourcePersonId) throws Exception {
    return json.readTree(
            body(
                get(
                    "/api/v1/perpetrators?source=" + source + "&sourcePersonId=" + sourcePersonId,
                    analystToken())))
        .path("items");
  }

  private HttpResponse<String> decide(String perpetratorId, String decision) {
    return exchange(
        HttpRequest.POST(REVIEWS + "/" + perpetratorId + "/decisions", decision)
            .bearerAuth(admin()));
  }

  private List<String> dueIds() throws Exception {
    HttpResponse<String> response = get(REVIEWS + "?limit=1000", admin());
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(body(response)).path("items").findValuesAsText("perpetratorId");
  }

  private JsonNode review(String perpetratorId) throws Exception {
    HttpResponse<String> response = get(REVIEWS + "/" + perpetratorId, admin());
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(body(response));
  }

  /** Every text column of every audit row, as one string per row. */
  private List<String> everyAuditRow() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = connectAs("default");
        PreparedStatement statement =
            connection.prepareStatement("SELECT a::text FROM audit_event a");
        ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }

  @Nested
  class AReviewDate {

    @Test
    void falls_a_review_period_after_the_last_record_and_puts_older_profiles_on_the_task_list()
        throws Exception {
      String old = accept(recordedLongAgo());
      String recent = accept(Envelopes.incident().recordedAt("2026-10-02T08:30:00Z"));

      assertThat(review(old).path("reviewDueOn").asText()).isEqualTo("2025-03-01");
      assertThat(review(old).path("due").asBoolean()).isTrue();
      assertThat(review(recent).path("reviewDueOn").asText()).isEqualTo("2032-10-02");
      assertThat(review(recent).path("due").asBoolean()).isFalse();
      assertThat(review(recent).path("decisions").isArray())
          .as("no decisions yet is an empty list, not a missing one")
          .isTrue();
      assertThat(dueIds()).contains(old).doesNotContain(recent);
    }

    @Test
    void moves_with_the_latest_record_about_the_person() throws Exception {
      Envelopes.Incident first = recordedLongAgo();
      String id = accept(first);

      accept(
          Envelopes.incident()
              .withPerson(first.sourcePersonId)
              .recordedAt(LONG_AGO.replace("2019", "2024")));

      assertThat(review(id).path("reviewDueOn").asText()).isEqualTo("2030-03-01");
      assertThat(dueIds()).doesNotContain(id);
    }

    @Test
    void is_for_admins_only() {
      String caseworker = token("caseworker-1", "CASEWORKER", "HAMPTON_TRUST", "SOUTHAMPTON");
      assertThat(get(REVIEWS, caseworker).code()).isEqualTo(403);
      assertThat(get(REVIEWS, analystToken()).code()).isEqualTo(403);
    }
  }

  @Nested
  class ADecisionToKeep {

    @Test
    void is_recorded_with_its_reason_and_takes_the_profile_off_the_task_list_until_then()
        throws Exception {
      String id = accept(recordedLongAgo());
      String until = LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString();

      HttpResponse<String> kept =
          decide(
              id,
              """
              {"decision":"KEEP","reason":"Live MATAC action plan","nextReviewOn":"%s"}"""
                  .formatted(until));

      assertThat(kept.code()).isEqualTo(201);
      JsonNode review = json.readTree(body(kept));
      assertThat(review.path("reviewDueOn").asText()).isEqualTo(until);
      assertThat(review.path("due").asBoolean()).isFalse();
      assertThat(review.path("decisions").get(0).path("reason").asText())
          .isEqualTo("Live MATAC action plan");
      assertThat(review.path("decisions").get(0).path("decidedBy").asText())
          .isEqualTo("records-manager-1");
      assertThat(dueIds()).doesNotContain(id);
    }

    @Test
    void needs_a_reason_and_a_next_review_within_one_period() throws Exception {
      String id = accept(recordedLongAgo());

      HttpResponse<String> refused =
          decide(id, "{\"decision\":\"KEEP\",\"nextReviewOn\":\"2099-01-01\"}");

      assertThat(refused.code()).isEqualTo(400);
      JsonNode errors = json.readTree(body(refused)).path("errors");
      assertThat(errors.findValuesAsText("field"))
          .containsExactlyInAnyOrder("reason", "nextReviewOn");
      assertThat(body(refused)).contains("one review period (P6Y)");
      assertThat(review(id).path("decisions")).isEmpty();
    }
  }

  @Nested
  class ADisposal {

    @Test
    void is_refused_before_the_review_is_due_unless_erasure_is_required() throws Exception {
      String id = accept(Envelopes.incident());

      HttpResponse<String> early =
          decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      assertThat(early.code()).isEqualTo(409);
      assertThat(body(early)).contains("not due until");
      assertThat(get("/api/v1/perpetrators/" + id, analystToken()).code()).isEqualTo(200);
      assertThat(decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"ERASURE_REQUIRED\"}").code())
          .isEqualTo(200);
    }

    @Test
    void takes_no_free_text_that_could_hold_the_erased_data() throws Exception {
      String id = accept(recordedLongAgo());

      HttpResponse<String> refused =
          decide(
              id,
              "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\","
                  + "\"reason\":\"about someone\"}");

      assertThat(refused.code()).isEqualTo(400);
      assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
          .containsExactly("reason");
    }

    @Test
    void hard_deletes_the_profile_its_records_events_victims_and_referrals() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);

      HttpResponse<String> disposed =
          decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      assertThat(disposed.code()).isEqualTo(200);
      assertThat(get("/api/v1/perpetrators/" + id, analystToken()).code()).isEqualTo(404);
      assertThat(profilesOf(incident.sourcePersonId)).isEmpty();
      UUID eventId = UUID.fromString(incident.eventId);
      assertThat(countOf("SELECT count(*) FROM intake_event WHERE event_id = ?", eventId)).isZero();
      assertThat(countOf("SELECT count(*) FROM record_version WHERE event_id = ?", eventId))
          .isZero();
      assertThat(
              countOf(
                  "SELECT count(*) FROM victim_contact WHERE source = ? AND victim_ref = ?",
                  POLICE,
                  incident.victimRef))
          .isZero();
      assertThat(countOf("SELECT count(*) FROM victim WHERE victim_ref = ?", incident.victimRef))
          .isZero();
    }

    @Test
    void keeps_a_victim_another_persons_record_still_names() throws Exception {
      Envelopes.Incident disposedOf = recordedLongAgo();
      String id = accept(disposedOf);
      accept(Envelopes.incident().withVictim(disposedOf.victimRef));

      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      assertThat(countOf("SELECT count(*) FROM victim WHERE victim_ref = ?", disposedOf.victimRef))
          .isEqualTo(1);
    }

    @Test
    void takes_every_profile_merged_into_the_one_disposed_of() throws Exception {
      String pnc = "2019/" + (1_000_000 + (int) (Math.random() * 8_999_999)) + "Y";
      Envelopes.Incident police = recordedLongAgo().withPnc(pnc);
      Envelopes.Incident council = recordedLongAgo().withSource("SOUTHAMPTON_CHILDRENS_SERVICES");
      String policeId = accept(police);
      assertThat(postEvent(council.json(), partnerToken(council.source)).code()).isEqualTo(202);
      String councilId = profileIdOf(council.source, council.sourcePersonId);
      var joining =
          recordedLongAgo()
              .withSource(council.source)
              .withPerson(council.sourcePersonId)
              .withPnc(pnc);
      assertThat(postEvent(joining.json(), partnerToken(council.source)).code()).isEqualTo(202);
      String living = profileIdOf(police.sourcePersonId);
      assertThat(profileIdOf(council.source, council.sourcePersonId)).isEqualTo(living);

      HttpResponse<String> disposed =
          decide(living, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      assertThat(json.readTree(body(disposed)).path("disposedIds").toString())
          .contains(policeId, councilId);
      assertThat(get("/api/v1/perpetrators/" + policeId, analystToken()).code()).isEqualTo(404);
      assertThat(get("/api/v1/perpetrators/" + councilId, analystToken()).code()).isEqualTo(404);
    }

    @Test
    void tells_the_other_services_with_ids_only() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);

      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      var published =
          topics.readUntil(
              Topics.PERPETRATOR_DISPOSED,
              record -> record.key().equals(id),
              Duration.ofSeconds(30));
      String message = published.get(published.size() - 1).value();
      assertThat(json.readTree(message).path("disposedIds").get(0).asText()).isEqualTo(id);
      assertThat(message)
          .doesNotContain(incident.givenName, incident.sourcePersonId, incident.sourceReference);
    }

    @Test
    void leaves_an_erasure_row_and_no_audit_row_holding_the_erased_data() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);
      get("/api/v1/perpetrators?name=" + incident.givenName, analystToken());

      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      assertThat(
              countOf(
                  "SELECT count(*) FROM audit_event WHERE action = 'ERASURE' AND subject_id = ?"
                      + " AND actor = 'records-manager-1' AND outcome = 'ALLOWED'",
                  id))
          .isEqualTo(1);
      assertThat(everyAuditRow())
          .noneMatch(
              row ->
                  row.contains(incident.givenName)
                      || row.contains(incident.familyName)
                      || row.contains(incident.sourcePersonId)
                      || row.contains(incident.sourceReference)
                      || row.contains(incident.victimRef)
                      || row.contains(incident.victimAddress));
    }
  }

  @Nested
  class ADisposedPerson {

    @Test
    void is_not_brought_back_by_the_same_events_sent_again_over_http() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);
      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      HttpResponse<String> again = postEvent(incident.json(), partnerToken(POLICE));

      assertThat(again.code()).isEqualTo(200);
      assertThat(body(again)).contains("DUPLICATE");
      assertThat(profilesOf(incident.sourcePersonId)).isEmpty();
      assertThat(
              countOf(
                  "SELECT count(*) FROM audit_event WHERE subject_type = 'EVENT'"
                      + " AND subject_id = ? AND outcome = 'DENIED'",
                  incident.eventId))
          .isEqualTo(1);
    }

    @Test
    void is_not_brought_back_by_replaying_the_intake_topic() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);
      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");
      // Same key, same partition: once the later event is in, the replayed one was handled.
      Envelopes.Incident later = Envelopes.incident();

      topics.send(Topics.POLICE_INTAKE, "replay", incident.json());
      topics.send(Topics.POLICE_INTAKE, "replay", later.json());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> profilesOf(later.sourcePersonId).size() == 1);
      assertThat(profilesOf(incident.sourcePersonId)).isEmpty();
    }

    @Test
    void can_be_recorded_afresh_from_a_new_event() throws Exception {
      Envelopes.Incident incident = recordedLongAgo();
      String id = accept(incident);
      decide(id, "{\"decision\":\"DISPOSE\",\"basis\":\"RETENTION_PERIOD_ENDED\"}");

      String fresh = accept(Envelopes.incident().withPerson(incident.sourcePersonId));

      assertThat(fresh).isNotEqualTo(id);
    }
  }
}
