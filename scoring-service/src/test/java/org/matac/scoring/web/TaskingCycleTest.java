package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/** A coordinator's month in one area, in order: ranking, draft, decisions, publication, review. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskingCycleTest extends ScoringServiceTestBase {

  private static final String AREA = "TEST_VALLEY";
  private static final Instant INCIDENTS = Instant.now().minus(Duration.ofDays(10));
  private static final LocalDate CYCLE_DATE = LocalDate.now(ZoneOffset.UTC).plusDays(1);

  private static final ProfileChanged.Incident LOW_FIRST =
      incident("TV/3", INCIDENTS, List.of("CRIMINAL_DAMAGE"), List.of("V-4"));

  @Inject ObjectMapper json;

  private final String high = UUID.randomUUID().toString();
  private final String medium = UUID.randomUUID().toString();
  private final String low = UUID.randomUUID().toString();
  private String cycleId;
  private String nextCycleId;
  private JsonNode rankingBefore;

  private String coordinator() {
    return token("coordinator-tv", "MATAC_COORDINATOR", "TEST_VALLEY_COUNCIL", AREA);
  }

  private String otherAreaCoordinator() {
    return token("coordinator-pm", "MATAC_COORDINATOR", "PORTSMOUTH_COUNCIL", "PORTSMOUTH");
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return exchange(HttpRequest.POST(path, body).bearerAuth(token));
  }

  private JsonNode read(HttpResponse<String> response) throws Exception {
    return json.readTree(body(response));
  }

  private static ProfileChanged.Incident incident(
      String reference, Instant at, List<String> offences, List<String> victims) {
    Profiles.IncidentBuilder incident =
        Profiles.anIncident(reference).at(at).in(AREA).offences(offences);
    victims.forEach(incident::against);
    return incident.build();
  }

  /** Publishes the person's whole profile, as tracking does: every current incident. */
  private void publishProfile(String id, ProfileChanged.Incident... incidents) throws Exception {
    Profiles profile = Profiles.of(id).version(System.nanoTime());
    Arrays.stream(incidents).forEach(profile::incident);
    publishProfileChange(id, profile.json(json));
  }

  @BeforeAll
  void threePeopleWithIncidentsInTheArea() throws Exception {
    publishProfile(high, incident("TV/1", INCIDENTS, List.of("ABH"), List.of("V-1", "V-2")));
    publishProfile(medium, incident("TV/2", INCIDENTS, List.of("ABH"), List.of("V-3")));
    publishProfile(low, LOW_FIRST);
    for (String id : List.of(high, medium, low)) {
      awaitScoreOf(id);
    }
  }

  @Test
  @Order(1)
  void the_ranking_lists_the_area_in_the_policys_order() throws Exception {
    String asOf = CYCLE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    rankingBefore =
        read(get("/api/v1/rankings?area=" + AREA + "&asOf=" + asOf + "&limit=10", coordinator()));

    assertThat(rankingBefore.path("entries").findValuesAsText("perpetratorId"))
        .containsExactly(high, medium, low);
    assertThat(rankingBefore.path("entries").get(0).path("score").path("total").asInt())
        .isEqualTo(5 + 1 + 2 * 4 + 2 * 3);
    assertThat(get("/api/v1/rankings?area=" + AREA, otherAreaCoordinator()).code()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void a_draft_proposes_the_candidates_over_the_threshold_in_ranking_order() throws Exception {
    var created =
        post(
            "/api/v1/tasking-cycles",
            "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + CYCLE_DATE + "\"}",
            coordinator());

    assertThat(created.code()).isEqualTo(201);
    JsonNode cycle = read(created);
    cycleId = cycle.path("cycle").path("id").asText();
    assertThat(cycle.path("cycle").path("status").asText()).isEqualTo("DRAFT");
    assertThat(cycle.path("entries").findValuesAsText("perpetratorId"))
        .containsExactly(high, medium);
    assertThat(cycle.path("entries").findValuesAsText("kind")).containsOnly("PROPOSED");
  }

  @Test
  @Order(3)
  void cannot_be_published_while_an_entry_is_undecided() {
    assertThat(post("/api/v1/tasking-cycles/" + cycleId + "/publish", "", coordinator()).code())
        .isEqualTo(409);
  }

  @Test
  @Order(4)
  void is_out_of_reach_of_another_areas_coordinator() {
    assertThat(get("/api/v1/tasking-cycles/" + cycleId, otherAreaCoordinator()).code())
        .isEqualTo(403);
    assertThat(
            post(
                    "/api/v1/tasking-cycles/" + cycleId + "/entries/" + high + "/decision",
                    "{\"decision\":\"APPROVE\",\"reason\":\"not mine to decide\"}",
                    otherAreaCoordinator())
                .code())
        .isEqualTo(403);
  }

  @Test
  @Order(5)
  void is_published_once_a_named_coordinator_decided_every_entry() throws Exception {
    String decisions = "/api/v1/tasking-cycles/" + cycleId + "/entries/";
    assertThat(
            post(
                    decisions + high + "/decision",
                    "{\"decision\":\"APPROVE\",\"reason\":\"two victims\"}",
                    coordinator())
                .code())
        .isEqualTo(200);
    assertThat(
            post(
                    decisions + medium + "/decision",
                    "{\"decision\":\"REJECT\",\"reason\":\"in custody\"}",
                    coordinator())
                .code())
        .isEqualTo(200);
    assertThat(
            post(
                    decisions + medium + "/decision",
                    "{\"decision\":\"APPROVE\",\"reason\":\"changed mind\"}",
                    coordinator())
                .code())
        .as("a decision is final")
        .isEqualTo(409);

    var published = post("/api/v1/tasking-cycles/" + cycleId + "/publish", "", coordinator());

    assertThat(published.code()).isEqualTo(200);
    JsonNode cycle = read(published);
    assertThat(cycle.path("cycle").path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(cycle.path("entries").findValuesAsText("decidedBy")).containsOnly("coordinator-tv");
    var messages =
        topics.readUntil(
            Topics.TASKING_LIST_PUBLISHED,
            record -> high.equals(record.key()),
            Duration.ofSeconds(30));
    assertThat(json.readTree(messages.get(messages.size() - 1).value()).path("area").asText())
        .isEqualTo(AREA);
    String disclosed =
        "SELECT count(*) FROM audit_event WHERE action = 'DISCLOSURE' AND subject_id = ?"
            + " AND recipient = ?";
    assertThat(countOf(disclosed, high, "MATAC partnership, " + AREA)).isEqualTo(1);
    assertThat(countOf(disclosed, medium, "MATAC partnership, " + AREA)).isZero();
    assertThat(
            post(
                    decisions + high + "/decision",
                    "{\"decision\":\"REJECT\",\"reason\":\"late\"}",
                    coordinator())
                .code())
        .as("a published list is frozen")
        .isEqualTo(409);
  }

  @Test
  @Order(6)
  void an_approved_person_gets_an_action_plan_kept_up_to_date_without_lost_edits()
      throws Exception {
    String actions = "/api/v1/tasking-cycles/" + cycleId + "/entries/";
    var agreed =
        post(
            actions + high + "/actions",
            "{\"agency\":\"HAMPSHIRE_POLICE\",\"tactic\":\"DISRUPTION\","
                + "\"description\":\"Check bail conditions weekly\",\"owner\":\"PC Testy\","
                + "\"dueDate\":\""
                + CYCLE_DATE.plusDays(14)
                + "\"}",
            coordinator());
    assertThat(agreed.code()).isEqualTo(201);
    JsonNode action = read(agreed);
    assertThat(action.path("status").asText()).isEqualTo("OPEN");
    String actionPath = "/api/v1/matac-actions/" + action.path("id").asText();

    assertThat(
            post(
                    actions + medium + "/actions",
                    "{\"agency\":\"HAMPSHIRE_POLICE\",\"tactic\":\"SUPPORT\","
                        + "\"description\":\"x\",\"owner\":\"y\",\"dueDate\":\"2027-01-01\"}",
                    coordinator())
                .code())
        .as("only an approved person has a plan")
        .isEqualTo(409);
    var started =
        exchange(
            HttpRequest.PATCH(actionPath, "{\"version\":1,\"status\":\"IN_PROGRESS\"}")
                .bearerAuth(coordinator()));
    assertThat(started.code()).isEqualTo(200);
    assertThat(read(started).path("version").asInt()).isEqualTo(2);
    assertThat(
            exchange(
                    HttpRequest.PATCH(actionPath, "{\"version\":1,\"status\":\"COMPLETED\"}")
                        .bearerAuth(coordinator()))
                .code())
        .as("an edit made on a stale read is refused, not applied over the other")
        .isEqualTo(409);
    var smuggled =
        exchange(
            HttpRequest.PATCH(
                    actionPath,
                    "{\"version\":2,\"perpetratorId\":\"" + medium + "\",\"agency\":\"X\"}")
                .bearerAuth(coordinator()));
    assertThat(smuggled.code()).isEqualTo(400);
    assertThat(read(smuggled).path("errors").findValuesAsText("field"))
        .containsExactly("agency", "perpetratorId");
  }

  @Test
  @Order(7)
  void the_members_and_a_persons_plan_are_read_back_only_within_the_coordinators_areas()
      throws Exception {
    JsonNode members =
        read(
            exchange(
                HttpRequest.GET("/api/v1/matac-members?area=" + AREA).bearerAuth(coordinator())));
    assertThat(members.path("items").findValuesAsText("perpetratorId")).containsExactly(high);
    assertThat(members.path("items").get(0).path("entryTotal").asInt()).isEqualTo(20);

    JsonNode plan =
        read(
            exchange(
                HttpRequest.GET("/api/v1/matac-actions?perpetratorId=" + high)
                    .bearerAuth(coordinator())));
    assertThat(plan.path("items").findValuesAsText("description"))
        .containsExactly("Check bail conditions weekly");

    assertThat(
            exchange(
                    HttpRequest.GET("/api/v1/matac-members?area=" + AREA)
                        .bearerAuth(otherAreaCoordinator()))
                .code())
        .isEqualTo(403);
    JsonNode elsewhere =
        read(
            exchange(
                HttpRequest.GET("/api/v1/matac-actions?perpetratorId=" + high)
                    .bearerAuth(otherAreaCoordinator())));
    assertThat(elsewhere.path("items")).isEmpty();
  }

  @Test
  @Order(8)
  void the_owning_agency_reports_progress_on_its_actions_and_a_stale_report_is_refused()
      throws Exception {
    String police = token("probation-pc", "PARTNER_PRACTITIONER", "HAMPSHIRE_POLICE", AREA);
    JsonNode owned = read(exchange(HttpRequest.GET("/api/v1/agency-actions").bearerAuth(police)));
    JsonNode action = owned.path("items").get(0);
    assertThat(owned.path("items").size()).isEqualTo(1);
    assertThat(action.path("description").asText()).isEqualTo("Check bail conditions weekly");
    assertThat(action.path("perpetratorId").asText()).isEqualTo(high);
    String path = "/api/v1/agency-actions/" + action.path("id").asText();

    var reported =
        exchange(
            HttpRequest.PATCH(
                    path,
                    "{\"version\":2,\"status\":\"IN_PROGRESS\",\"notes\":\"Checked on 3 Dec\"}")
                .bearerAuth(police));
    assertThat(reported.code()).isEqualTo(200);
    assertThat(read(reported).path("notes").asText()).isEqualTo("Checked on 3 Dec");
    var stale =
        exchange(
            HttpRequest.PATCH(path, "{\"version\":2,\"status\":\"COMPLETED\"}").bearerAuth(police));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(body(stale)).contains("probation-pc");

    String housing = token("housing-officer", "PARTNER_PRACTITIONER", "TEST_VALLEY_HOUSING", AREA);
    assertThat(
            read(exchange(HttpRequest.GET("/api/v1/agency-actions").bearerAuth(housing)))
                .path("items"))
        .isEmpty();
    assertThat(
            exchange(
                    HttpRequest.PATCH(path, "{\"version\":3,\"status\":\"COMPLETED\"}")
                        .bearerAuth(housing))
                .code())
        .as("another agency's action is not theirs to see or change")
        .isEqualTo(404);
  }

  @Test
  @Order(9)
  void the_next_cycle_reviews_the_approved_person_beside_their_entry_score_and_plan()
      throws Exception {
    JsonNode next =
        read(
            post(
                "/api/v1/tasking-cycles",
                "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + CYCLE_DATE.plusDays(28) + "\"}",
                coordinator()));
    nextCycleId = next.path("cycle").path("id").asText();

    JsonNode review = entryOf(next, high);
    assertThat(review.path("kind").asText()).isEqualTo("REVIEW");
    assertThat(review.path("entryTotal").asInt()).isEqualTo(20);
    assertThat(review.path("actions").findValuesAsText("description"))
        .containsExactly("Check bail conditions weekly");
    assertThat(review.path("actions").findValuesAsText("status")).containsExactly("IN_PROGRESS");
    assertThat(entryOf(next, medium).path("kind").asText()).isEqualTo("PROPOSED");
  }

  @Test
  @Order(10)
  void a_review_not_continued_discharges_the_person_with_the_exit_score_at_publication()
      throws Exception {
    String decisions = "/api/v1/tasking-cycles/" + nextCycleId + "/entries/";
    post(
        decisions + high + "/decision",
        "{\"decision\":\"REJECT\",\"reason\":\"plan completed\"}",
        coordinator());
    post(
        decisions + medium + "/decision",
        "{\"decision\":\"APPROVE\",\"reason\":\"released from custody\"}",
        coordinator());
    assertThat(post("/api/v1/tasking-cycles/" + nextCycleId + "/publish", "", coordinator()).code())
        .isEqualTo(200);

    assertThat(
            post(
                    "/api/v1/matac-members/" + high + "/discharge",
                    "{\"reason\":\"again\"}",
                    coordinator())
                .code())
        .as("already discharged at the review")
        .isEqualTo(404);
    JsonNode third =
        read(
            post(
                "/api/v1/tasking-cycles",
                "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + CYCLE_DATE.plusDays(56) + "\"}",
                coordinator()));
    assertThat(entryOf(third, medium).path("kind").asText()).isEqualTo("REVIEW");
    JsonNode formerMember = entryOf(third, high);
    assertThat(formerMember == null ? "absent" : formerMember.path("kind").asText())
        .isNotEqualTo("REVIEW");
  }

  @Test
  @Order(11)
  void discharge_records_the_reason_and_the_exit_score_beside_the_entry_score() throws Exception {
    var discharged =
        post(
            "/api/v1/matac-members/" + medium + "/discharge",
            "{\"reason\":\"offending fell; programme completed\"}",
            coordinator());

    assertThat(discharged.code()).isEqualTo(200);
    JsonNode body = read(discharged);
    // Scored at the approving cycle, 38 days after the incident: recency has fallen to 4.
    assertThat(body.path("entryTotal").asInt()).isEqualTo(4 + 1 + 2 * 4 + 2 * 1);
    assertThat(body.path("exitTotal").asInt()).isBetween(0, 30);
    assertThat(
            post(
                    "/api/v1/matac-members/" + medium + "/discharge",
                    "{\"reason\":\"again\"}",
                    coordinator())
                .code())
        .isEqualTo(404);
  }

  private static JsonNode entryOf(JsonNode cycle, String perpetratorId) {
    for (JsonNode entry : cycle.path("entries")) {
      if (entry.path("perpetratorId").asText().equals(perpetratorId)) {
        return entry;
      }
    }
    return null;
  }

  @Test
  @Order(12)
  void a_ranking_at_a_past_instant_is_reproduced_exactly_after_more_events_arrive()
      throws Exception {
    String asOf = CYCLE_DATE.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    Instant later = Instant.now().plus(Duration.ofDays(3));
    publishProfile(low, LOW_FIRST, incident("TV/4", later, List.of("GBH"), List.of("V-9", "V-8")));
    String afterIt = later.plus(Duration.ofDays(1)).toString();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                read(get("/api/v1/scores/" + low + "?asOf=" + afterIt, analystToken()))
                        .path("score")
                        .path("frequency")
                        .asInt()
                    == 2);

    JsonNode again =
        read(get("/api/v1/rankings?area=" + AREA + "&asOf=" + asOf + "&limit=10", coordinator()));

    assertThat(again.path("entries")).isEqualTo(rankingBefore.path("entries"));
  }

  @Test
  @Order(13)
  void a_cycle_request_without_its_fields_is_a_400_naming_them() throws Exception {
    var response = post("/api/v1/tasking-cycles", "{}", coordinator());

    assertThat(response.code()).isEqualTo(400);
    assertThat(read(response).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("area", "cycleDate");
  }
}
