package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;
import org.matac.support.metrics.OperationalFigures;
import org.matac.testing.PrometheusText;

/** What notification's /prometheus tells an operator about workers hearing in time. */
@MicronautTest(transactional = false)
class NotificationMetricsTest extends NotificationServiceTestBase {

  private static final String UNACKNOWLEDGED =
      "SELECT count(*) FROM notification WHERE urgent AND acknowledged_at IS NULL"
          + " AND escalated_at IS NULL";
  private static final String FAILED_EMAILS =
      "SELECT count(*) FROM notification_delivery WHERE channel = 'EMAIL' AND status = 'FAILED'";

  @Inject OperationalFigures figures;

  private JsonNode inbox(String workerId) {
    return items("/api/v1/inbox", workerId);
  }

  private PrometheusText scrapeFreshFigures() {
    assertThat(figures.refresh()).isTrue();
    return scrape();
  }

  private LinkedWorker linkedWorker() throws Exception {
    LinkedWorker worker =
        new LinkedWorker(topics, json, id -> items("/api/v1/caseload", id).size());
    worker.assignWorker();
    return worker;
  }

  private double unacknowledgedUrgent(PrometheusText scraped) {
    return scraped
        .value("matac_unacknowledged_urgent_notices", Map.of("escalated", "false"))
        .orElse(0);
  }

  @Nested
  class WhenAnUrgentNoticeReachesAWorker {

    @Test
    void counts_it_as_unacknowledged_until_the_worker_acknowledges() throws Exception {
      LinkedWorker worker = linkedWorker();
      long unacknowledgedBefore = countOf(UNACKNOWLEDGED);

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/MT1/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inbox(worker.workerId).size() == 1);

      var scraped = scrapeFreshFigures();
      assertThat(unacknowledgedUrgent(scraped)).isEqualTo(unacknowledgedBefore + 1);
      assertThat(
              scraped.value("matac_unacknowledged_urgent_notices_oldest_age_seconds").orElseThrow())
          .isPositive();

      String id = inbox(worker.workerId).get(0).path("id").asText();
      exchange(
          HttpRequest.POST("/api/v1/notifications/" + id + "/acknowledge", "")
              .bearerAuth(workerToken(worker.workerId)));

      assertThat(unacknowledgedUrgent(scrapeFreshFigures())).isEqualTo(unacknowledgedBefore);
    }
  }

  @Nested
  class WhenAnEmailCannotBeDelivered {

    @Test
    void counts_it_among_the_failed_deliveries_of_its_channel() throws Exception {
      LinkedWorker worker = linkedWorker();
      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/MT2/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inbox(worker.workerId).size() == 1);
      long failedBefore = countOf(FAILED_EMAILS);

      // As the dispatcher leaves a delivery it has given up on after its last attempt.
      try (Connection connection = connectAs("default");
          PreparedStatement failed =
              connection.prepareStatement(
                  "INSERT INTO notification_delivery (notification_id, channel, status, attempts,"
                      + " updated_at) VALUES (?::uuid, 'EMAIL', 'FAILED', 5, now())")) {
        failed.setString(1, inbox(worker.workerId).get(0).path("id").asText());
        failed.executeUpdate();
      }

      assertThat(
              scrapeFreshFigures()
                  .value(
                      "matac_outstanding_deliveries",
                      Map.of("channel", "EMAIL", "status", "FAILED"))
                  .orElseThrow())
          .isEqualTo(failedBefore + 1);
    }
  }
}
