package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

@MicronautTest(transactional = false)
class PolicyActivationTest extends ScoringServiceTestBase {

  @Inject ObjectMapper json;

  private String admin() {
    return token("admin-1", "ADMIN", "HAMPSHIRE_POLICE");
  }

  private ObjectNode rfgv1() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/policies/rfgv-1.json")) {
      return (ObjectNode) json.readTree(in);
    }
  }

  private HttpResponse<String> addPolicy(JsonNode document, String token) throws Exception {
    return exchange(
        HttpRequest.POST("/api/v1/policies", json.writeValueAsString(document))
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .bearerAuth(token));
  }

  private JsonNode scoreOf(String id) throws Exception {
    return json.readTree(body(get("/api/v1/scores/" + id, analystToken()))).path("score");
  }

  @AfterAll
  void theDefaultPolicyIsActiveAgain() {
    exchange(HttpRequest.POST("/api/v1/policies/rfgv-1/activate", "").bearerAuth(admin()));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !json.readTree(body(get("/api/v1/policies", admin())))
                    .path("rescoring")
                    .asBoolean());
  }

  @Test
  void a_policy_missing_a_gravity_weight_is_refused_naming_what_is_missing() throws Exception {
    ObjectNode document = rfgv1();
    document.put("id", "rfgv-missing-weight");
    ((ObjectNode) document.path("gravityTable").path("weights")).remove("ARSON");

    var response = addPolicy(document, admin());

    assertThat(response.code()).isEqualTo(400);
    assertThat(body(response)).contains("gravityTable.weights", "ARSON");
  }

  @Test
  void only_an_admin_may_add_a_policy() throws Exception {
    ObjectNode document = rfgv1();
    document.put("id", "rfgv-by-an-analyst");

    assertThat(addPolicy(document, analystToken()).code()).isEqualTo(403);
  }

  @Test
  void an_activation_by_another_instance_is_used_here_from_the_next_request() throws Exception {
    ObjectNode document = rfgv1();
    String id = "rfgv-elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
    document.put("id", id);
    assertThat(addPolicy(document, admin()).code()).isEqualTo(201);
    assertThat(activeIdSeenHere()).as("seen and kept by this instance").isNotEqualTo(id);

    try (var otherInstance = connectAs("default")) {
      otherInstance.setAutoCommit(false);
      try (var statement = otherInstance.createStatement()) {
        statement.execute("UPDATE scoring_policy SET active = false WHERE active");
        statement.execute(
            "UPDATE scoring_policy SET active = true, activated_at = now() WHERE id = '"
                + id
                + "'");
      }
      otherInstance.commit();
    }

    assertThat(activeIdSeenHere()).isEqualTo(id);
  }

  private String activeIdSeenHere() throws Exception {
    for (JsonNode version : json.readTree(body(get("/api/v1/policies", admin()))).path("items")) {
      if (version.path("active").asBoolean()) {
        return version.path("id").asText();
      }
    }
    return null;
  }

  @Test
  void activating_a_policy_rescores_everyone_under_it() throws Exception {
    String person = UUID.randomUUID().toString();
    Instant recent = Instant.now().minus(Duration.ofDays(3));
    publishProfileChange(
        person,
        Profiles.of(person)
            .version(1)
            .changes()
            .incident(
                Profiles.anIncident("CCB/1")
                    .at(recent)
                    .in("WINCHESTER")
                    .offences(List.of("CONTROLLING_COERCIVE_BEHAVIOUR"))
                    .against("V-1"))
            .json(json));
    awaitScoreOf(person);
    assertThat(scoreOf(person).path("gravity").asInt()).isEqualTo(3);

    // The Met-style change: weight coercive control like ABH, as a new version.
    ObjectNode heavier = rfgv1();
    heavier.put("id", "rfgv-ccb-" + UUID.randomUUID().toString().substring(0, 8));
    ((ObjectNode) heavier.path("gravityTable")).put("id", "gravity-ccb");
    ((ObjectNode) heavier.path("gravityTable").path("weights"))
        .put("CONTROLLING_COERCIVE_BEHAVIOUR", 365);
    String id = heavier.path("id").asText();
    assertThat(addPolicy(heavier, admin()).code()).isEqualTo(201);
    assertThat(addPolicy(heavier, admin()).code()).as("versions never change").isEqualTo(409);

    var activation =
        exchange(HttpRequest.POST("/api/v1/policies/" + id + "/activate", "").bearerAuth(admin()));

    assertThat(activation.code()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                json.readTree(body(get("/api/v1/scores/" + person + "/history", analystToken())))
                    .path("entries")
                    .findValuesAsText("policyId")
                    .contains(id));
    JsonNode rescored = scoreOf(person);
    assertThat(rescored.path("policyId").asText()).isEqualTo(id);
    assertThat(rescored.path("gravity").asInt()).isEqualTo(4);
  }
}
