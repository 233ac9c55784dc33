package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/** A partnership testing the Met's kind of change before adopting it: who enters, who leaves. */
@MicronautTest(transactional = false)
class RankingComparisonTest extends ScoringServiceTestBase {

  private static final String AREA = "COMPARE_" + UUID.randomUUID().toString().substring(0, 8);
  private static final String POLICY = "rfgv-cc-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Instant TEN_DAYS_AGO = Instant.now().minus(Duration.ofDays(10));

  @Inject ObjectMapper json;

  private final String controlling = UUID.randomUUID().toString();
  private final String assaulting = UUID.randomUUID().toString();

  private String coordinator() {
    return token("coordinator-cmp", "MATAC_COORDINATOR", "TEST_VALLEY_COUNCIL", AREA);
  }

  @BeforeAll
  void twoPeopleAndACoerciveControlPolicy() throws Exception {
    publishProfileChange(
        controlling,
        Profiles.of(controlling)
            .incident("CC/1", TEN_DAYS_AGO, AREA, List.of("CONTROLLING_COERCIVE_BEHAVIOUR"), "V-1")
            .json(json));
    publishProfileChange(
        assaulting,
        Profiles.of(assaulting)
            .incident("ABH/1", TEN_DAYS_AGO, AREA, List.of("ABH"), "V-2")
            .json(json));
    for (String id : List.of(controlling, assaulting)) {
      awaitScoreOf(id);
    }
    ObjectNode document;
    try (InputStream in = getClass().getResourceAsStream("/policies/rfgv-1.json")) {
      document = (ObjectNode) json.readTree(in);
    }
    document.put("id", POLICY);
    ((ObjectNode) document.path("gravityTable").path("weights"))
        .put("CONTROLLING_COERCIVE_BEHAVIOUR", 730);
    var added =
        exchange(
            HttpRequest.POST("/api/v1/policies", json.writeValueAsString(document))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(token("admin-1", "ADMIN", "HAMPSHIRE_POLICE")));
    assertThat(added.code()).isEqualTo(201);
  }

  private JsonNode compareTopOne() throws Exception {
    var response =
        get(
            "/api/v1/rankings/compare?area=" + AREA + "&policyB=" + POLICY + "&limit=1",
            coordinator());
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(body(response));
  }

  @Test
  void shows_who_enters_the_top_under_the_other_policy_and_why() throws Exception {
    JsonNode comparison = compareTopOne();

    assertThat(comparison.path("policyA").asText()).isEqualTo("rfgv-1");
    JsonNode entering = comparison.path("entering").get(0);
    assertThat(entering.path("perpetratorId").asText()).isEqualTo(controlling);
    assertThat(entering.path("scoreA").path("total").asInt()).isEqualTo(14);
    assertThat(entering.path("scoreB").path("total").asInt()).isEqualTo(16);
    assertThat(entering.path("reasons").toString()).contains("gravity points 3 -> 4");
  }

  @Test
  void shows_who_leaves_the_top_and_that_they_were_overtaken() throws Exception {
    JsonNode leaving = compareTopOne().path("leaving").get(0);

    assertThat(leaving.path("perpetratorId").asText()).isEqualTo(assaulting);
    assertThat(leaving.path("rankA").asInt()).isEqualTo(1);
    assertThat(leaving.path("rankB").asInt()).isEqualTo(2);
    assertThat(leaving.path("reasons").get(0).asText()).startsWith("overtaken by others");
  }

  @Test
  void does_not_change_the_active_policy_or_anyones_stored_score() throws Exception {
    compareTopOne();

    JsonNode stored =
        json.readTree(body(get("/api/v1/scores/" + controlling, analystToken()))).path("score");
    assertThat(stored.path("policyId").asText()).isEqualTo("rfgv-1");
    assertThat(stored.path("total").asInt()).isEqualTo(14);
  }

  @Test
  void names_an_unknown_policy_in_a_404() throws Exception {
    var response =
        get("/api/v1/rankings/compare?area=" + AREA + "&policyB=rfgv-nonesuch", coordinator());

    assertThat(response.code()).isEqualTo(404);
    assertThat(body(response)).contains("rfgv-nonesuch");
  }

  @Test
  void is_refused_to_a_coordinator_of_another_area() {
    String elsewhere =
        token("coordinator-pm", "MATAC_COORDINATOR", "PORTSMOUTH_COUNCIL", "PORTSMOUTH");

    assertThat(
            get("/api/v1/rankings/compare?area=" + AREA + "&policyB=" + POLICY, elsewhere).code())
        .isEqualTo(403);
  }
}
