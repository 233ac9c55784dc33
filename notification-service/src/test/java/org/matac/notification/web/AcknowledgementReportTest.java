package org.matac.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.notification.NotificationServiceTestBase;

/**
 * Acknowledgement times over HTTP, for notices as the service stores them: twelve urgent notices
 * about people in an area of their own, given in the middle of last month and acknowledged two
 * hours later.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcknowledgementReportTest extends NotificationServiceTestBase {
  private static final String AUDITED =
      "SELECT count(*) FROM audit_event WHERE action = 'CONSULTATION' AND subject_type = 'AREA'"
          + " AND subject_id = ?";

  private static final String AREA = "ACK-" + UUID.randomUUID().toString().substring(0, 8);
  private static final int NOTICES = 12;

  @BeforeAll
  void twelveUrgentNoticesAcknowledgedAfterTwoHours() throws Exception {
    Instant given =
        YearMonth.now(ZoneOffset.UTC)
            .minusMonths(1)
            .atDay(15)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    try (Connection connection = connectAs("default");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO notification (id, worker_id, fact_key, perpetrator_id, kind, urgent,"
                    + " title, body, happened_at, area, link, created_at, acknowledged_at)"
                    + " VALUES (?, ?, ?, ?, 'RELEASED_OR_BAILED', true, 'Released', 'Released',"
                    + " ?, ?, '/notifications', ?, ?)")) {
      for (int i = 0; i < NOTICES; i++) {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, "idva-" + UUID.randomUUID());
        insert.setString(3, "CUSTODY:" + UUID.randomUUID());
        insert.setObject(4, UUID.randomUUID());
        insert.setTimestamp(5, Timestamp.from(given));
        insert.setString(6, AREA);
        insert.setTimestamp(7, Timestamp.from(given));
        insert.setTimestamp(8, Timestamp.from(given.plus(Duration.ofHours(2))));
        insert.executeUpdate();
      }
    }
  }

  @Test
  void gives_the_urgent_notices_count_and_hours_to_acknowledge() throws Exception {
    HttpResponse<String> response =
        get(
            "/api/v1/reports/acknowledgements?area=" + AREA,
            token("coordinator-ack", "MATAC_COORDINATOR", "ACK_COUNCIL", AREA));

    assertThat(response.code()).as(body(response)).isEqualTo(200);
    JsonNode urgent = json.readTree(body(response)).path("times").path("rows").get(0);
    assertThat(urgent.path("notices").path("value").asInt()).isEqualTo(NOTICES);
    assertThat(urgent.path("medianHours").asDouble()).isEqualTo(2);
  }

  @Test
  void is_refused_to_a_worker() {
    assertThat(get("/api/v1/reports/acknowledgements?area=" + AREA, workerToken("idva-x")).code())
        .isEqualTo(403);
  }

  @Test
  void is_kept_in_the_audit_trail_as_a_consultation_of_the_area() throws Exception {
    long before = countOf(AUDITED, AREA);
    get(
        "/api/v1/reports/acknowledgements?area=" + AREA,
        token("coordinator-ack", "MATAC_COORDINATOR", "ACK_COUNCIL", AREA));
    assertThat(countOf(AUDITED, AREA)).isEqualTo(before + 1);
  }
}
