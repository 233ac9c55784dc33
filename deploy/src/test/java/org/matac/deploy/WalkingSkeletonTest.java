package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.events.Topics;
import org.matac.infra.LocalKafka;
import org.matac.testing.Envelopes;
import org.matac.testing.TopicProbe;

/**
 * One event through the whole system, as a partner would send it: the local stack of run-local.sh
 * with every service a separate process, real PostgreSQL and a real Kafka broker. The steps build
 * on each other, so they run in order.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalStack stack;
  private TopicProbe topics;

  private final String workerId = "idva-worker-walking-skeleton";
  private final Envelopes.Incident incident =
      Envelopes.incident().withVictim("V-WALK-1").withVictimAddress("MARKER-WALK-ADDRESS");
  private String perpetratorId;

  @BeforeAll
  void watchTheTopics() {
    stack = RunningStack.stack();
    topics = new TopicProbe(stack.kafkaClient(LocalKafka.ADMIN));
  }

  @Test
  @Order(1)
  void an_idva_service_assigns_a_worker_to_a_victim_and_the_worker_sees_it_in_their_caseload()
      throws Exception {
    var assignment =
        Envelopes.workerAssignment()
            .forVictim("V-WALK-1")
            .forWorker(workerId)
            .aboutPerson(incident.sourcePersonId);

    var response =
        post(
            LocalStack.Service.TRACKING,
            "/api/v1/events",
            assignment.json(),
            partner("SOUTHAMPTON_IDVA"));

    assertThat(response.statusCode()).isEqualTo(202);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                get(LocalStack.Service.NOTIFICATION, "/api/v1/caseload", worker())
                        .path("items")
                        .size()
                    == 1);
  }

  @Test
  @Order(2)
  void the_police_report_an_incident_and_tracking_holds_the_perpetrator() throws Exception {
    var response =
        post(
            LocalStack.Service.TRACKING,
            "/api/v1/events",
            incident.json(),
            partner("HAMPSHIRE_POLICE"));

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode matches =
        get(
                LocalStack.Service.TRACKING,
                "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                    + incident.sourcePersonId,
                analyst())
            .path("items");
    assertThat(matches).hasSize(1);
    perpetratorId = matches.get(0).path("id").asText();
    JsonNode profile =
        get(LocalStack.Service.TRACKING, "/api/v1/perpetrators/" + perpetratorId, analyst());
    assertThat(profile.path("profile").path("incidents")).hasSize(1);
    assertThat(profile.toString()).doesNotContain("MARKER-WALK-ADDRESS");
  }

  @Test
  @Order(3)
  void scoring_scores_the_perpetrator() {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                getResponse(
                            LocalStack.Service.SCORING,
                            "/api/v1/scores/" + perpetratorId,
                            analyst())
                        .statusCode()
                    == 200);
    JsonNode score =
        get(LocalStack.Service.SCORING, "/api/v1/scores/" + perpetratorId, analyst()).path("score");
    assertThat(score.path("policyId").asText()).isEqualTo("rfgv-1");
    assertThat(score.path("frequency").asInt()).isEqualTo(1);
    assertThat(score.path("victims").asInt()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void the_linked_worker_finds_a_notification_in_their_inbox() {
    await().atMost(PATIENCE).until(() -> inboxAbout(perpetratorId).size() == 1);
    JsonNode notice = inboxAbout(perpetratorId).get(0);
    assertThat(notice.path("kind").asText()).isEqualTo("NEW_INCIDENT");
    assertThat(notice.path("area").asText()).isEqualTo("SOUTHAMPTON");
    assertThat(notice.path("link").asText())
        .isEqualTo(
            stack.url(LocalStack.Service.CONSOLE) + "/notifications/" + notice.path("id").asText());
    assertThat(notice.toString()).doesNotContain("V-WALK-1").doesNotContain("MARKER-WALK-ADDRESS");
  }

  @Test
  @Order(5)
  void the_incident_can_be_followed_through_each_services_log_by_its_event_id() throws Exception {
    assertThat(journey(LocalStack.Service.TRACKING))
        .anySatisfy(
            line ->
                assertThat(line)
                    .endsWith("INCIDENT_REPORTED from HAMPSHIRE_POLICE by HTTP: ACCEPTED"))
        .anySatisfy(line -> assertThat(line).contains("Profile change").contains(perpetratorId));
    assertThat(journey(LocalStack.Service.SCORING))
        .anySatisfy(line -> assertThat(line).contains("Person " + perpetratorId + " scored"));
    assertThat(journey(LocalStack.Service.NOTIFICATION))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("(NEW_INCIDENT")
                    .contains("about person " + perpetratorId)
                    .endsWith("in a worker's inbox"));
  }

  /** The steps a service logged under the incident's eventId as correlation id. */
  private List<String> journey(LocalStack.Service service) throws Exception {
    try (var lines = Files.lines(stack.logOf(service))) {
      return lines
          .filter(line -> line.contains(" matac.journey " + incident.eventId + " - "))
          .toList();
    }
  }

  @Test
  @Order(6)
  void
      the_same_event_again_and_restarted_services_leave_one_incident_one_score_change_and_one_notification()
          throws Exception {
    var again =
        post(
            LocalStack.Service.TRACKING,
            "/api/v1/events",
            incident.json(),
            partner("HAMPSHIRE_POLICE"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).path("status").asText()).isEqualTo("DUPLICATE");

    stack.restartService(LocalStack.Service.SCORING);
    stack.restartService(LocalStack.Service.NOTIFICATION);
    // A later fact about another person against the same victim: once the worker hears of it,
    // everything published before it has been consumed by the restarted services.
    var sentinel = Envelopes.incident().withVictim("V-WALK-1");
    post(
        LocalStack.Service.TRACKING,
        "/api/v1/events",
        sentinel.json(),
        partner("HAMPSHIRE_POLICE"));
    await().atMost(PATIENCE).until(() -> inbox().size() == 2);

    assertThat(inboxAbout(perpetratorId)).hasSize(1);
    assertThat(
            get(LocalStack.Service.TRACKING, "/api/v1/perpetrators/" + perpetratorId, analyst())
                .path("profile")
                .path("incidents"))
        .hasSize(1);
    assertThat(
            get(
                    LocalStack.Service.SCORING,
                    "/api/v1/scores/" + perpetratorId + "/history",
                    analyst())
                .path("entries"))
        .hasSize(1);
    assertThat(
            topics.readAll(Topics.SCORE_CHANGED, Duration.ofSeconds(2)).stream()
                .filter(record -> perpetratorId.equals(record.key())))
        .hasSize(1);
  }

  @Test
  @Order(7)
  void a_malformed_event_is_answered_400_problem_json_naming_the_field() throws Exception {
    var response =
        post(
            LocalStack.Service.TRACKING,
            "/api/v1/events",
            Envelopes.incident().withArea("NOWHERE").json(),
            partner("HAMPSHIRE_POLICE"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).path("errors").findValuesAsText("field"))
        .containsExactly("area");
  }

  private JsonNode inbox() throws Exception {
    return get(LocalStack.Service.NOTIFICATION, "/api/v1/inbox", worker()).path("items");
  }

  private List<JsonNode> inboxAbout(String perpetrator) {
    try {
      List<JsonNode> about = new ArrayList<>();
      inbox()
          .forEach(
              item -> {
                if (perpetrator.equals(item.path("perpetratorId").asText())) {
                  about.add(item);
                }
              });
      return about;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String partner(String agency) {
    return RunningStack.partner(agency);
  }

  private String analyst() {
    return stack
        .issuer()
        .mint(
            "analyst-1", List.of("ANALYST"), "HAMPSHIRE_POLICE", List.of(), Duration.ofMinutes(30));
  }

  private String worker() {
    return stack
        .issuer()
        .mint(
            workerId,
            List.of("VICTIM_SAFETY_WORKER"),
            "SOUTHAMPTON_IDVA",
            List.of("SOUTHAMPTON"),
            Duration.ofMinutes(30));
  }

  private HttpResponse<String> post(
      LocalStack.Service service, String path, String body, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stack.url(service) + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getResponse(LocalStack.Service service, String path, String token) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(stack.url(service) + path))
              .header("Authorization", "Bearer " + token)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode get(LocalStack.Service service, String path, String token) {
    HttpResponse<String> response = getResponse(service, path, token);
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
