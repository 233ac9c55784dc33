package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;

/** Escalation with a five-second window, so the test need not wait thirty minutes. */
@MicronautTest(transactional = false)
class EscalationTest extends NotificationServiceTestBase {

  private final String agency =
      "IDVA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("matac.escalation.after", "5s");
    properties.put("matac.escalation.poll-interval", "200ms");
    return properties;
  }

  private String agencyWorkerToken(String workerId) {
    return token(workerId, "VICTIM_SAFETY_WORKER", agency, "SOUTHAMPTON");
  }

  private JsonNode itemsSeenWith(String path, String token) {
    try {
      return json.readTree(body(get(path, token))).path("items");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> dutyInboxAbout(String perpetratorId) {
    List<JsonNode> about = new ArrayList<>();
    itemsSeenWith("/api/v1/duty-inbox", agencyWorkerToken("duty-officer-" + agency))
        .forEach(
            item -> {
              if (item.path("perpetratorId").asText().equals(perpetratorId)) {
                about.add(item);
              }
            });
    return about;
  }

  private LinkedWorker linkedWorker() throws Exception {
    LinkedWorker worker =
        new LinkedWorker(
                topics, json, id -> itemsSeenWith("/api/v1/caseload", agencyWorkerToken(id)).size())
            .withAgency(agency);
    worker.assignWorker();
    return worker;
  }

  @Test
  void an_urgent_notice_left_unacknowledged_reaches_the_agency_duty_inbox_once() throws Exception {
    LinkedWorker worker = linkedWorker();

    topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/ES1/26"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dutyInboxAbout(worker.perpetratorId).size() == 1);
    JsonNode escalated = dutyInboxAbout(worker.perpetratorId).get(0);
    assertThat(escalated.path("title").asText()).startsWith("ESCALATED");
    assertThat(escalated.path("urgent").asBoolean()).isTrue();
  }

  @Test
  void an_urgent_notice_acknowledged_in_time_is_not_escalated() throws Exception {
    LinkedWorker worker = linkedWorker();
    LinkedWorker other = linkedWorker();
    topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/ES2/26"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> itemsSeenWith("/api/v1/inbox", agencyWorkerToken(worker.workerId)).size() == 1);
    String id =
        itemsSeenWith("/api/v1/inbox", agencyWorkerToken(worker.workerId))
            .get(0)
            .path("id")
            .asText();
    exchange(
        HttpRequest.POST("/api/v1/notifications/" + id + "/acknowledge", "")
            .bearerAuth(agencyWorkerToken(worker.workerId)));

    // A later unacknowledged one shows the escalation job has run since.
    topics.send(Topics.PROFILE_CHANGED, other.perpetratorId, other.incident("44/ES3/26"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dutyInboxAbout(other.perpetratorId).size() == 1);

    assertThat(dutyInboxAbout(worker.perpetratorId)).isEmpty();
  }
}
