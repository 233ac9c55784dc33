package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;

/**
 * E-mail when the SMTP server does not answer: retried, then shown FAILED, while the inbox entry
 * stands. The port is one nothing listens on, so every connection is refused.
 */
@MicronautTest(transactional = false)
class EmailFailureTest extends NotificationServiceTestBase {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        SmtpSettings.pointingAt(super.getProperties(), SmtpSettings.freePort());
    properties.put("matac.delivery.first-retry", "200ms");
    properties.put("matac.delivery.max-attempts", "2");
    return properties;
  }

  private JsonNode emailDelivery(String workerId) throws Exception {
    JsonNode inbox = json.readTree(body(get("/api/v1/inbox", workerToken(workerId)))).path("items");
    if (inbox.isEmpty()) {
      return json.missingNode();
    }
    for (JsonNode delivery :
        json.readTree(
                body(
                    get(
                        "/api/v1/notifications/" + inbox.get(0).path("id").asText() + "/deliveries",
                        workerToken(workerId))))
            .path("items")) {
      if (delivery.path("channel").asText().equals("EMAIL")) {
        return delivery;
      }
    }
    return json.missingNode();
  }

  @Test
  void an_unreachable_mail_server_leaves_the_email_failed_after_its_retries_and_the_inbox_entry()
      throws Exception {
    LinkedWorker worker =
        new LinkedWorker(
                topics,
                json,
                id -> {
                  try {
                    return json.readTree(body(get("/api/v1/caseload", workerToken(id))))
                        .path("items")
                        .size();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .withEmail("idva-" + UUID.randomUUID() + "@example.invalid");
    worker.assignWorker();
    assertThat(exchange(worker.directoryEntry(token("admin", "ADMIN", worker.agency))).code())
        .isEqualTo(200);

    topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/F1/26"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> emailDelivery(worker.workerId).path("status").asText().equals("FAILED"));
    JsonNode failed = emailDelivery(worker.workerId);
    assertThat(failed.path("attempts").asInt()).isEqualTo(2);
    assertThat(failed.path("lastError").asText()).isNotBlank().doesNotContain("@");
    assertThat(
            json.readTree(body(get("/api/v1/inbox", workerToken(worker.workerId))))
                .path("items")
                .findValuesAsText("perpetratorId"))
        .containsExactly(worker.perpetratorId);
  }
}
