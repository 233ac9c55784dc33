package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.infra.DevelopmentTokenIssuer;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class EventIntakeControllerTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  JsonNode read(String text) throws Exception {
    return json.readTree(text);
  }

  JsonNode profileOf(String source, String sourcePersonId) throws Exception {
    var response =
        exchange(
            HttpRequest.GET(
                    "/api/v1/perpetrators?source=" + source + "&sourcePersonId=" + sourcePersonId)
                .bearerAuth(analystToken()));
    assertThat(response.code()).isEqualTo(200);
    return read(body(response)).path("items");
  }

  @Nested
  class ASingleEnvelope {

    @Test
    void is_accepted_with_202_and_becomes_part_of_the_perpetrators_profile() throws Exception {
      var incident = Envelopes.incident();

      var response = postEvent(incident.json(), partnerToken(POLICE));

      assertThat(response.code()).isEqualTo(202);
      assertThat(read(body(response)).path("status").asText()).isEqualTo("ACCEPTED");
      assertThat(read(body(response)).path("eventId").asText()).isEqualTo(incident.eventId);
      JsonNode profiles = profileOf(POLICE, incident.sourcePersonId);
      assertThat(profiles).hasSize(1);
      assertThat(profiles.get(0).path("profile").path("incidents")).hasSize(1);
    }

    @Test
    void sent_twice_is_answered_duplicate_and_recorded_once() throws Exception {
      var incident = Envelopes.incident();
      postEvent(incident.json(), partnerToken(POLICE));

      var again = postEvent(incident.json().replace("\n", "  \n"), partnerToken(POLICE));

      assertThat(again.code()).isEqualTo(200);
      assertThat(read(body(again)).path("status").asText()).isEqualTo("DUPLICATE");
      assertThat(
              profileOf(POLICE, incident.sourcePersonId).get(0).path("profile").path("incidents"))
          .hasSize(1);
    }

    @Test
    void reusing_an_event_id_for_another_body_is_a_409_and_the_first_stands() throws Exception {
      var first = Envelopes.incident();
      postEvent(first.json(), partnerToken(POLICE));
      var second = Envelopes.incident().withEventId(first.eventId);

      var response = postEvent(second.json(), partnerToken(POLICE));

      assertThat(response.code()).isEqualTo(409);
      assertThat(response.getContentType())
          .hasValueSatisfying(
              type -> assertThat(type.toString()).isEqualTo("application/problem+json"));
      assertThat(profileOf(POLICE, first.sourcePersonId)).hasSize(1);
      assertThat(profileOf(POLICE, second.sourcePersonId)).isEmpty();
    }

    @Test
    void that_breaks_the_contract_is_a_400_problem_naming_each_field() throws Exception {
      String broken =
          Envelopes.incident()
              .withArea("ATLANTIS")
              .json()
              .replace("\"crimed\":true", "\"crimed\":\"yes\"");

      var response = postEvent(broken, partnerToken(POLICE));

      assertThat(response.code()).isEqualTo(400);
      assertThat(response.getContentType().orElseThrow().toString())
          .isEqualTo("application/problem+json");
      JsonNode problem = read(body(response));
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("area", "payload.crimed");
    }

    @Test
    void sent_as_another_agency_is_forbidden_and_not_recorded() throws Exception {
      var incident = Envelopes.incident();

      var response = postEvent(incident.json(), partnerToken("SOUTHAMPTON_IDVA"));

      assertThat(response.code()).isEqualTo(403);
      assertThat(profileOf(POLICE, incident.sourcePersonId)).isEmpty();
    }
  }

  @Nested
  class AWorkerAssignment {

    static final String IDVA = "SOUTHAMPTON_IDVA";

    @Test
    void from_the_workers_own_agency_is_accepted() throws Exception {
      var assignment = Envelopes.workerAssignment().sentBy(IDVA).ofAWorkerOf(IDVA);

      var response = postEvent(assignment.json(), partnerToken(IDVA));

      assertThat(response.code()).isEqualTo(202);
      assertThat(profileOf(IDVA, assignment.sourcePersonId)).hasSize(1);
    }

    @Test
    void naming_another_agencys_worker_is_forbidden_on_that_field_and_not_recorded()
        throws Exception {
      var assignment = Envelopes.workerAssignment().sentBy("HAMPTON_TRUST").ofAWorkerOf(IDVA);

      var response = postEvent(assignment.json(), partnerToken("HAMPTON_TRUST"));

      assertThat(response.code()).isEqualTo(403);
      assertThat(response.getContentType().orElseThrow().toString())
          .isEqualTo("application/problem+json");
      assertThat(read(body(response)).path("errors").findValuesAsText("field"))
          .containsExactly("payload.workerAgency");
      assertThat(profileOf("HAMPTON_TRUST", assignment.sourcePersonId)).isEmpty();
    }

    @Test
    void ended_by_the_agency_that_made_it_is_accepted() throws Exception {
      var assignment = Envelopes.workerAssignment().sentBy(IDVA);
      postEvent(assignment.json(), partnerToken(IDVA));

      var response = postEvent(assignment.unassignmentJson(), partnerToken(IDVA));

      assertThat(response.code()).isEqualTo(202);
    }

    @Test
    void ended_by_another_agency_is_forbidden_on_the_worker_id() throws Exception {
      var assignment = Envelopes.workerAssignment().sentBy(IDVA);
      postEvent(assignment.json(), partnerToken(IDVA));
      var stranger = Envelopes.workerAssignment().sentBy("HAMPTON_TRUST");
      stranger.workerId = assignment.workerId;

      var response = postEvent(stranger.unassignmentJson(), partnerToken("HAMPTON_TRUST"));

      assertThat(response.code()).isEqualTo(403);
      assertThat(read(body(response)).path("errors").findValuesAsText("field"))
          .containsExactly("payload.workerId");
    }

    @Test
    void naming_another_agencys_worker_in_a_batch_is_rejected_and_the_rest_accepted()
        throws Exception {
      var own = Envelopes.workerAssignment().sentBy("HAMPTON_TRUST");
      var foreign = Envelopes.workerAssignment().sentBy("HAMPTON_TRUST").ofAWorkerOf(IDVA);

      var response =
          exchange(
              HttpRequest.POST(
                      "/api/v1/events/batch", "[" + own.json() + "," + foreign.json() + "]")
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .bearerAuth(partnerToken("HAMPTON_TRUST")));

      JsonNode results = read(body(response)).path("results");
      assertThat(results.findValuesAsText("status")).containsExactly("ACCEPTED", "REJECTED");
      assertThat(results.get(1).path("errors").findValuesAsText("field"))
          .containsExactly("payload.workerAgency");
    }
  }

  @Nested
  class WithoutAValidToken {

    @Test
    void a_request_without_a_token_is_401() {
      assertThat(postEvent(Envelopes.incident().json(), null).code()).isEqualTo(401);
    }

    @Test
    void a_token_from_an_unknown_issuer_key_is_401() {
      String forged =
          DevelopmentTokenIssuer.withEphemeralKey()
              .mint(
                  "intruder", List.of("PARTNER_SYSTEM"), POLICE, List.of(), Duration.ofMinutes(5));

      assertThat(postEvent(Envelopes.incident().json(), forged).code()).isEqualTo(401);
    }

    @Test
    void a_caller_without_the_partner_system_role_is_403() {
      assertThat(postEvent(Envelopes.incident().json(), analystToken()).code()).isEqualTo(403);
    }
  }

  @Nested
  class ABatch {

    @Test
    void answers_each_item_and_one_bad_item_does_not_reject_the_others() throws Exception {
      var good = Envelopes.incident();
      var bad = Envelopes.incident().withOffence("JAYWALKING");
      var repeated = good.json();
      String batch = "[" + good.json() + "," + bad.json() + "," + repeated + "]";

      var response =
          exchange(
              HttpRequest.POST("/api/v1/events/batch", batch)
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .bearerAuth(partnerToken(POLICE)));

      assertThat(response.code()).isEqualTo(207);
      JsonNode results = read(body(response)).path("results");
      assertThat(results.findValuesAsText("status"))
          .containsExactly("ACCEPTED", "REJECTED", "DUPLICATE");
      assertThat(results.get(1).path("errors").findValuesAsText("field"))
          .containsExactly("payload.offences[0].category");
      assertThat(profileOf(POLICE, good.sourcePersonId)).hasSize(1);
    }

    @Test
    void of_more_than_a_thousand_envelopes_is_a_400() {
      String item = Envelopes.incident().json();
      String batch = "[" + String.join(",", Collections.nCopies(1001, item)) + "]";

      var response =
          exchange(
              HttpRequest.POST("/api/v1/events/batch", batch)
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .bearerAuth(partnerToken(POLICE)));

      assertThat(response.code()).isEqualTo(400);
    }

    @Test
    void larger_than_the_request_size_limit_is_refused_unread_with_413() {
      String padding = "x".repeat(5 * 1024 * 1024);
      String oversized = "[{\"padding\":\"" + padding + "\"}]";

      var response =
          exchange(
              HttpRequest.POST("/api/v1/events/batch", oversized)
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .bearerAuth(partnerToken(POLICE)));

      assertThat(response.code()).isEqualTo(413);
      assertThat(body(response)).doesNotContain("xxxxxxxx");
    }
  }
}
