package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.matac.support.audit.AuditSealer;
import org.matac.support.metrics.OperationalFigures;
import org.matac.testing.Envelopes;
import org.matac.testing.PrometheusText;
import org.matac.tracking.TrackingServiceTestBase;

/** The /prometheus endpoint an operator's scraper reads, and the figures it alerts on. */
@MicronautTest(transactional = false)
class OperationalMetricsTest extends TrackingServiceTestBase {

  @Inject OperationalFigures figures;
  @Inject AuditSealer sealer;

  /** Reads the figures from the database now, as the schedule does every few seconds. */
  private PrometheusText scrapeFreshFigures() {
    assertThat(figures.refresh()).isTrue();
    return scrape();
  }

  @Nested
  class ForTheScraper {

    @Test
    void answers_without_a_token_in_the_prometheus_text_format() {
      var response = exchange(HttpRequest.GET("/prometheus"));

      assertThat(response.code()).isEqualTo(200);
      assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/plain");
      assertThat(body(response)).contains("# TYPE matac_outbox_waiting_messages gauge");
    }

    @Test
    void counts_requests_by_route_and_status_with_their_latency() {
      get("/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=nobody", analystToken());

      var requests =
          scrape()
              .value(
                  "http_server_requests_seconds_count",
                  Map.of("uri", "/api/v1/perpetrators", "method", "GET", "status", "200"));
      assertThat(requests).isPresent();
      assertThat(requests.getAsDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shows_how_far_the_intake_consumer_is_behind_on_each_partition_it_reads() {
      // Kafka reports a partition's lag once the partition is assigned, moments after start.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(this::showsIntakeLagPerPartition);
    }

    private void showsIntakeLagPerPartition() {
      var scraped = scrape();
      assertThat(
              scraped.value(
                  "kafka_consumer_records_lag_max_records",
                  Map.of("client_id", "tracking-service-partner-event-listener")))
          .isPresent();
      assertThat(scraped.samples("kafka_consumer_records_lag_records"))
          .filteredOn(
              sample ->
                  sample
                      .labels()
                      .get("client_id")
                      .equals("tracking-service-partner-event-listener"))
          .extracting(sample -> sample.labels().get("topic"))
          .contains("intake_police-events_v1", "intake_partner-events_v1");
    }

    @Test
    void labels_kafka_metrics_per_client_only_so_that_each_name_has_one_set_of_labels() {
      assertThat(scrape().samples("kafka_consumer_request_total_requests"))
          .isNotEmpty()
          .allSatisfy(sample -> assertThat(sample.labels()).doesNotContainKey("node_id"));
    }

    @Test
    void says_how_long_ago_the_figures_were_read() {
      var scraped = scrapeFreshFigures();

      assertThat(scraped.value("matac_figures_age_seconds").orElseThrow()).isBetween(0.0, 5.0);
    }
  }

  @Nested
  class ForTheOrchestrator {

    @Test
    void answers_the_liveness_and_readiness_probes_without_a_token() {
      for (String probe : new String[] {"/health/liveness", "/health/readiness"}) {
        var response = exchange(HttpRequest.GET(probe));

        assertThat(response.code()).as(probe).isEqualTo(200);
        assertThat(body(response)).as(probe).contains("\"status\":\"UP\"");
      }
    }
  }

  @Nested
  class WhenAnEnvelopeIsDeadLettered {

    private static final String WAITING =
        "SELECT count(*) FROM dead_letter WHERE status <> 'REPLAYED'"
            + " AND original_topic = 'intake.police-events.v1' AND reason = 'INVALID_ENVELOPE'";

    @Test
    void counts_it_among_the_letters_waiting_from_its_topic_for_its_reason() throws Exception {
      long before = countOf(WAITING);

      topics.send(
          Topics.POLICE_INTAKE, null, Envelopes.incident().withOffence("JAYWALKING").json());
      await().atMost(Duration.ofSeconds(30)).until(() -> countOf(WAITING) == before + 1);

      var waiting =
          scrapeFreshFigures()
              .value(
                  "matac_dead_letters_waiting_messages",
                  Map.of("topic", Topics.POLICE_INTAKE, "reason", "INVALID_ENVELOPE"));
      assertThat(waiting.orElseThrow()).isEqualTo(before + 1);
    }
  }

  @Nested
  class WhenTheBrokerRefusesAnOutboxMessage {

    @Test
    void counts_it_as_held_back_and_not_as_waiting() throws Exception {
      long heldBefore =
          countOf("SELECT count(*) FROM outbox_message WHERE held_back_at IS NOT NULL");
      try (Connection connection = connectAs("default");
          PreparedStatement held =
              connection.prepareStatement(
                  "INSERT INTO outbox_message (topic, message_key, payload, held_back_at,"
                      + " held_back_because) VALUES ('tracking.profile-changed.v1', 'k',"
                      + " '{}'::jsonb, now(), 'too large')")) {
        held.executeUpdate();
      }

      var scraped = scrapeFreshFigures();

      assertThat(scraped.value("matac_outbox_held_back_messages").orElseThrow())
          .isEqualTo(heldBefore + 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> scrapeFreshFigures().value("matac_outbox_waiting_messages").orElseThrow() == 0);
      assertThat(scrapeFreshFigures().value("matac_outbox_oldest_age_seconds").orElseThrow())
          .isZero();
    }
  }

  @Nested
  class OnceTheSealerHasChainedEveryAuditRow {

    @Test
    void shows_no_row_waiting_and_no_lag() {
      sealer.sealWaiting();

      var scraped = scrapeFreshFigures();

      assertThat(scraped.value("matac_audit_unsealed_rows").orElseThrow()).isZero();
      assertThat(scraped.value("matac_audit_sealing_lag_seconds").orElseThrow()).isZero();
    }
  }
}
