package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.events.scoring.FoundationListPublished;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class ReferralQueueTest extends TrackingServiceTestBase {

  private static final String CHILDRENS = "SOUTHAMPTON_CHILDRENS_SERVICES";
  private static final String RATINGS =
      "{\"RECENT_OFFENDING\":\"CRITICAL\",\"ESCALATING_OFFENDING\":\"PRESENT\","
          + "\"REPEAT_OFFENDING_SAME_VICTIM\":\"NOT_PRESENT\",\"HIGHLY_HARMFUL_OFFENDING\":\"NOT_PRESENT\","
          + "\"MULTIPLE_VICTIMS\":\"NOT_PRESENT\",\"BREACH_OF_ORDERS\":\"PRESENT\","
          + "\"OTHER_VIOLENCE\":\"NOT_PRESENT\",\"SUBSTANCE_MISUSE\":\"PRESENT\","
          + "\"MENTAL_HEALTH\":\"NOT_PRESENT\",\"OBSESSIVE_BEHAVIOUR\":\"CRITICAL\"}";

  @Inject ObjectMapper json;

  private String caseworker(String name, String area) {
    return token(name, "CASEWORKER", "HAMPTON_TRUST", area);
  }

  private JsonNode refer(String pathway, boolean consent) throws Exception {
    String reference = "CS-" + UUID.randomUUID();
    var referral =
        Envelopes.record(
                "PARTNER_REFERRAL",
                "{\"referralRef\":\""
                    + reference
                    + "\",\"referringAgency\":\""
                    + CHILDRENS
                    + "\",\"reason\":\"Synthetic concern raised at a child protection conference\","
                    + "\"consentToShare\":"
                    + consent
                    + (pathway == null ? "" : ",\"pathway\":\"" + pathway + "\"")
                    + "}")
            .from(CHILDRENS)
            .inArea("SOUTHAMPTON");
    assertThat(postEvent(referral.json(), partnerToken(CHILDRENS)).code()).isEqualTo(202);
    for (JsonNode item :
        queueOf(
            pathway == null || !pathway.equals("MATAC")
                ? caseworker("cw-reader", "SOUTHAMPTON")
                : token(
                    "coord-1", "MATAC_COORDINATOR", "SOUTHAMPTON_CITY_COUNCIL", "SOUTHAMPTON"))) {
      if (item.path("referralRef").asText().equals(reference)) {
        return item;
      }
    }
    throw new AssertionError("referral " + reference + " is not in the queue");
  }

  private JsonNode queueOf(String token) throws Exception {
    var response = get("/api/v1/referrals?limit=500", token);
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(body(response)).path("items");
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return exchange(HttpRequest.POST(path, body).bearerAuth(token));
  }

  private HttpResponse<String> screen(String id, long version, String ratings, String token) {
    return exchange(
        HttpRequest.PUT(
                "/api/v1/referrals/" + id + "/screening",
                "{\"version\":"
                    + version
                    + ",\"ratings\":"
                    + ratings
                    + ",\"priority\":true,\"notes\":\"synthetic\"}")
            .bearerAuth(token));
  }

  private long versionOf(HttpResponse<String> response) throws Exception {
    return json.readTree(body(response)).path("version").asLong();
  }

  @Nested
  class APartnerReferral {

    @Test
    void reaches_the_programme_queue_for_its_area_only() throws Exception {
      JsonNode referral = refer("DVPP", true);

      assertThat(referral.path("status").asText()).isEqualTo("NEW");
      assertThat(referral.path("agency").asText()).isEqualTo("HAMPTON_TRUST");
      assertThat(queueOf(caseworker("cw-portsmouth", "PORTSMOUTH")).findValuesAsText("id"))
          .doesNotContain(referral.path("id").asText());
    }

    @Test
    void on_the_matac_pathway_goes_to_the_areas_coordinators_instead() throws Exception {
      JsonNode referral = refer("MATAC", true);

      assertThat(referral.path("agency").asText()).isEqualTo("MATAC");
      assertThat(queueOf(caseworker("cw-reader", "SOUTHAMPTON")).findValuesAsText("id"))
          .doesNotContain(referral.path("id").asText());
    }
  }

  @Nested
  class TheScreeningTool {

    @Test
    void is_the_configured_ppit_version_with_ten_items_in_two_groups() throws Exception {
      JsonNode tool =
          json.readTree(
              body(get("/api/v1/referrals/screening-tool", caseworker("cw-1", "SOUTHAMPTON"))));

      assertThat(tool.path("id").asText()).isEqualTo("ppit-1");
      assertThat(tool.path("groups").findValuesAsText("label"))
          .startsWith("Offending-related")
          .contains("Offender-related");
      assertThat(tool.path("groups").get(0).path("items").size()).isEqualTo(5);
      assertThat(tool.path("groups").get(1).path("items").size()).isEqualTo(5);
    }
  }

  @Nested
  class TheQueueFilters {

    @Test
    void narrow_by_pathway_referring_agency_and_age() throws Exception {
      String outreach = refer("OUTREACH", true).path("id").asText();
      String cara = refer("CARA", true).path("id").asText();
      String mine = caseworker("cw-filter", "SOUTHAMPTON");

      assertThat(
              json.readTree(body(get("/api/v1/referrals?pathway=OUTREACH&limit=500", mine)))
                  .path("items")
                  .findValuesAsText("id"))
          .contains(outreach)
          .doesNotContain(cara);
      assertThat(
              json.readTree(
                      body(get("/api/v1/referrals?referringAgency=NOBODY_KNOWN&limit=500", mine)))
                  .path("items"))
          .isEmpty();
      assertThat(
              json.readTree(
                      body(get("/api/v1/referrals?receivedBefore=2000-01-01&limit=500", mine)))
                  .path("items"))
          .as("nothing was received before 2000")
          .isEmpty();
      assertThat(
              json.readTree(
                      body(
                          get(
                              "/api/v1/referrals?referringAgency="
                                  + CHILDRENS
                                  + "&receivedBefore=2999-01-01&limit=500",
                              mine)))
                  .path("items")
                  .findValuesAsText("id"))
          .contains(outreach, cara);
    }
  }

  @Nested
  class ASelfReferral {

    private HttpResponse<String> enter(String body, String token) {
      return post("/api/v1/referrals/self-referrals", body, token);
    }

    @Test
    void entered_by_a_caseworker_opens_a_new_referral_in_their_queue() throws Exception {
      var entered =
          enter(
              "{\"givenName\":\"Selfie\",\"familyName\":\"Fakeperson\",\"area\":\"SOUTHAMPTON\","
                  + "\"reason\":\"Rang the helpline worried about his anger\",\"consentToShare\":true}",
              caseworker("cw-1", "SOUTHAMPTON"));

      assertThat(entered.code()).isEqualTo(201);
      JsonNode referral = json.readTree(body(entered));
      assertThat(referral.path("referringAgency").asText()).isEqualTo("SELF_REFERRAL");
      assertThat(referral.path("status").asText()).isEqualTo("NEW");
      assertThat(queueOf(caseworker("cw-2", "SOUTHAMPTON")).findValuesAsText("id"))
          .contains(referral.path("id").asText());
    }

    @Test
    void without_a_reason_or_consent_answer_is_refused_naming_both() throws Exception {
      var refused =
          enter(
              "{\"givenName\":\"Selfie\",\"familyName\":\"Fakeperson\",\"area\":\"SOUTHAMPTON\"}",
              caseworker("cw-1", "SOUTHAMPTON"));

      assertThat(refused.code()).isEqualTo(400);
      assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
          .contains("reason", "consentToShare");
    }

    @Test
    void for_an_area_the_caseworker_does_not_work_in_is_refused() throws Exception {
      var refused =
          enter(
              "{\"givenName\":\"Selfie\",\"familyName\":\"Fakeperson\",\"area\":\"PORTSMOUTH\","
                  + "\"reason\":\"x\",\"consentToShare\":true}",
              caseworker("cw-1", "SOUTHAMPTON"));

      assertThat(refused.code()).isEqualTo(400);
      assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
          .containsExactly("area");
    }
  }

  @Nested
  class TheLifecycle {

    @Test
    void runs_from_claim_through_screening_to_acceptance_and_is_published() throws Exception {
      String id = refer("DVPP", true).path("id").asText();
      String mine = caseworker("cw-1", "SOUTHAMPTON");

      var claimed = post("/api/v1/referrals/" + id + "/claim", "", mine);
      assertThat(claimed.code()).isEqualTo(200);
      assertThat(screen(id, versionOf(claimed), RATINGS, caseworker("cw-2", "SOUTHAMPTON")).code())
          .as("only the claimant screens")
          .isEqualTo(409);
      var incomplete = screen(id, versionOf(claimed), "{\"RECENT_OFFENDING\":\"CRITICAL\"}", mine);
      assertThat(incomplete.code()).isEqualTo(400);
      assertThat(body(incomplete)).contains("ratings.ESCALATING_OFFENDING");

      var screened = screen(id, versionOf(claimed), RATINGS, mine);
      assertThat(screened.code()).isEqualTo(200);
      assertThat(screen(id, versionOf(claimed), RATINGS, mine).code())
          .as("a stale version never overwrites")
          .isEqualTo(409);

      var accepted =
          post(
              "/api/v1/referrals/" + id + "/decision",
              "{\"version\":"
                  + versionOf(screened)
                  + ",\"decision\":\"ACCEPT\",\"pathway\":\"DVPP\",\"reason\":\"priority, motivated\"}",
              mine);
      assertThat(accepted.code()).isEqualTo(200);
      assertThat(json.readTree(body(accepted)).path("status").asText()).isEqualTo("ACCEPTED");
      assertThat(json.readTree(body(accepted)).path("pathway").asText()).isEqualTo("DVPP");

      var published =
          topics.readUntil(
              Topics.REFERRAL_STATUS_CHANGED,
              record -> record.value().contains(id) && record.value().contains("ACCEPTED"),
              Duration.ofSeconds(30));
      List<String> statuses = new ArrayList<>();
      for (var record : published) {
        JsonNode change = json.readTree(record.value());
        if (change.path("referralId").asText().equals(id)) {
          statuses.add(change.path("status").asText());
        }
      }
      assertThat(statuses).containsExactly("NEW", "CLAIMED", "SCREENED", "ACCEPTED");
    }

    @Test
    void lets_exactly_one_of_two_simultaneous_claims_win_and_tells_the_other_who_has_it()
        throws Exception {
      String id = refer(null, true).path("id").asText();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> claims = new ArrayList<>();
      for (String name : List.of("cw-a", "cw-b")) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return post(
                      "/api/v1/referrals/" + id + "/claim", "", caseworker(name, "SOUTHAMPTON"));
                }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> claim : claims) {
        answers.add(claim.get());
      }
      pool.shutdown();

      assertThat(answers).extracting(HttpResponse::code).containsExactlyInAnyOrder(200, 409);
      HttpResponse<String> won = answers.get(0).code() == 200 ? answers.get(0) : answers.get(1);
      HttpResponse<String> lost = answers.get(0).code() == 200 ? answers.get(1) : answers.get(0);
      String winner = json.readTree(body(won)).path("claimedBy").asText();
      assertThat(body(lost)).contains(winner);
    }
  }

  @Nested
  class APublishedFoundationList {

    @Test
    void becomes_referrals_for_the_programme_agency_with_the_publication_as_lawful_basis()
        throws Exception {
      var incident = Envelopes.incident();
      postEvent(incident.json(), partnerToken(POLICE));
      String perpetratorId =
          json.readTree(
                  body(
                      get(
                          "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                              + incident.sourcePersonId,
                          analystToken())))
              .path("items")
              .get(0)
              .path("id")
              .asText();
      String message =
          json.writeValueAsString(
              new FoundationListPublished(
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  "SOUTHAMPTON",
                  Instant.parse("2026-12-01T00:00:00Z"),
                  Instant.parse("2026-12-01T09:00:00Z"),
                  "analyst-1",
                  "rfgv-1",
                  perpetratorId,
                  1,
                  1));

      topics.send(Topics.FOUNDATION_LIST_PUBLISHED, perpetratorId, message);
      topics.send(Topics.FOUNDATION_LIST_PUBLISHED, perpetratorId, message);

      String reader = caseworker("cw-reader", "SOUTHAMPTON");
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> referralsOf(perpetratorId, reader).size() == 1);
      JsonNode referral = referralsOf(perpetratorId, reader).get(0);
      assertThat(referral.path("agency").asText()).isEqualTo("HAMPTON_TRUST");
      assertThat(referral.path("pathwayRequested").asText()).isEqualTo("FOUNDATION");
      assertThat(referral.path("lawfulBasisBy").asText()).isEqualTo("analyst-1");

      String mine = caseworker("cw-4", "SOUTHAMPTON");
      var claimed = post("/api/v1/referrals/" + referral.path("id").asText() + "/claim", "", mine);
      assertThat(screen(referral.path("id").asText(), versionOf(claimed), RATINGS, mine).code())
          .isEqualTo(200);
    }

    private List<JsonNode> referralsOf(String perpetratorId, String token) throws Exception {
      List<JsonNode> found = new ArrayList<>();
      queueOf(token)
          .forEach(
              item -> {
                if (item.path("perpetratorId").asText().equals(perpetratorId)) {
                  found.add(item);
                }
              });
      return found;
    }
  }

  @Nested
  class TheConsentGate {

    @Test
    void holds_a_referral_without_consent_at_claimed_until_a_lawful_basis_is_recorded()
        throws Exception {
      String id = refer("DVPP", false).path("id").asText();
      String mine = caseworker("cw-3", "SOUTHAMPTON");
      var claimed = post("/api/v1/referrals/" + id + "/claim", "", mine);

      var refused = screen(id, versionOf(claimed), RATINGS, mine);
      assertThat(refused.code()).isEqualTo(409);
      assertThat(body(refused)).contains("consentToShare");

      assertThat(
              post(
                      "/api/v1/referrals/" + id + "/lawful-basis",
                      "{\"version\":"
                          + versionOf(claimed)
                          + ",\"basis\":\"SAFEGUARDING\",\"reason\":\"x\"}",
                      mine)
                  .code())
          .as("a caseworker cannot record the basis")
          .isEqualTo(403);
      var basis =
          post(
              "/api/v1/referrals/" + id + "/lawful-basis",
              "{\"version\":"
                  + versionOf(claimed)
                  + ",\"basis\":\"DPA 2018 s.35 law enforcement\",\"reason\":\"risk to a child\"}",
              token("admin-1", "ADMIN", "HAMPSHIRE_POLICE"));
      assertThat(basis.code()).isEqualTo(200);

      assertThat(screen(id, versionOf(basis), RATINGS, mine).code()).isEqualTo(200);
    }
  }
}
