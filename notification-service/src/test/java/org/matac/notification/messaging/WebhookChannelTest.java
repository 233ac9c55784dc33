package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;
import org.matac.notification.domain.WebhookSignature;

/** Webhooks to a partner's case system: a real HTTP server stands in for it in the test. */
@MicronautTest(transactional = false)
class WebhookChannelTest extends NotificationServiceTestBase {

  /** A request as the partner's case system received it. */
  record Received(String path, Map<String, List<String>> headers, String body, Instant at) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer partner;

  @Override
  public Map<String, String> getProperties() {
    try {
      partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    partner.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          headers.putAll(exchange.getRequestHeaders());
          received.add(
              new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now()));
          int status = exchange.getRequestURI().getPath().startsWith("/down") ? 503 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    partner.start();
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("matac.webhooks.allow-plain-http", "true");
    properties.put("matac.delivery.poll-interval", "100ms");
    properties.put("matac.delivery.first-retry", "300ms");
    properties.put("matac.delivery.max-attempts", "3");
    return properties;
  }

  @AfterAll
  void stopPartner() {
    partner.stop(0);
  }

  private String partnerUrl(String path) {
    return "http://127.0.0.1:" + partner.getAddress().getPort() + path;
  }

  private String adminOf(String agency) {
    return token("admin-1", "ADMIN", agency);
  }

  private String workerToken(LinkedWorker worker) {
    return token(worker.workerId, "VICTIM_SAFETY_WORKER", worker.agency, "SOUTHAMPTON");
  }

  private int caseloadSize(String workerId, String agency) {
    try {
      return json.readTree(
              body(
                  get(
                      "/api/v1/caseload",
                      token(workerId, "VICTIM_SAFETY_WORKER", agency, "SOUTHAMPTON"))))
          .path("items")
          .size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A worker of an agency with its own endpoint, who chose the webhook channel. */
  private LinkedWorker workerOfAgencyWithEndpoint(String path, StringBuilder secret)
      throws Exception {
    String agency = "IDVA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    var configured =
        exchange(
            HttpRequest.PUT("/api/v1/webhooks/" + agency, "{\"url\":\"" + partnerUrl(path) + "\"}")
                .bearerAuth(adminOf(agency)));
    assertThat(configured.code()).isEqualTo(200);
    secret.append(json.readTree(body(configured)).path("secret").asText());
    LinkedWorker worker =
        new LinkedWorker(topics, json, id -> caseloadSize(id, agency)).withAgency(agency);
    assertThat(
            exchange(
                    HttpRequest.PUT("/api/v1/preferences", "{\"webhook\":true}")
                        .bearerAuth(workerToken(worker)))
                .code())
        .isEqualTo(200);
    worker.assignWorker();
    return worker;
  }

  private List<String> deliveryField(LinkedWorker worker, String field) throws Exception {
    JsonNode inbox = json.readTree(body(get("/api/v1/inbox", workerToken(worker)))).path("items");
    if (inbox.isEmpty()) {
      return List.of();
    }
    JsonNode deliveries =
        json.readTree(
                body(
                    get(
                        "/api/v1/notifications/" + inbox.get(0).path("id").asText() + "/deliveries",
                        workerToken(worker))))
            .path("items");
    List<String> values = new ArrayList<>();
    for (JsonNode delivery : deliveries) {
      if (delivery.path("channel").asText().equals("WEBHOOK")) {
        values.add(delivery.path(field).asText());
      }
    }
    return values;
  }

  @Nested
  class ANotice {

    @Test
    void reaches_the_case_system_signed_with_the_agencys_secret_and_a_timestamp() throws Exception {
      StringBuilder secret = new StringBuilder();
      String path = "/up/" + UUID.randomUUID();
      LinkedWorker worker = workerOfAgencyWithEndpoint(path, secret);

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/W1/26"));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> received.stream().anyMatch(request -> request.path().equals(path)));
      Received request =
          received.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
      String timestamp = request.headers().get(WebhookSignature.TIMESTAMP_HEADER).get(0);
      String signature = request.headers().get(WebhookSignature.SIGNATURE_HEADER).get(0);
      assertThat(
              WebhookSignature.verify(
                  secret.toString(),
                  Long.parseLong(timestamp),
                  request.body(),
                  signature,
                  Instant.now(),
                  Duration.ofMinutes(5)))
          .isTrue();
      assertThat(
              WebhookSignature.verify(
                  "another-agencys-secret",
                  Long.parseLong(timestamp),
                  request.body(),
                  signature,
                  Instant.now(),
                  Duration.ofMinutes(5)))
          .isFalse();
      JsonNode notice = json.readTree(request.body());
      assertThat(notice.path("perpetratorId").asText()).isEqualTo(worker.perpetratorId);
      assertThat(notice.path("link").asText()).contains("/notifications/");
      assertThat(request.body()).doesNotContain("VICTIM-MARKER");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> deliveryField(worker, "status").equals(List.of("SENT")));
    }
  }

  @Nested
  class ACaseSystemThatKeepsFailing {

    @Test
    void is_retried_with_growing_gaps_then_shown_failed_with_its_status() throws Exception {
      String path = "/down/" + UUID.randomUUID();
      LinkedWorker worker = workerOfAgencyWithEndpoint(path, new StringBuilder());

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/W2/26"));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> deliveryField(worker, "status").equals(List.of("FAILED")));
      assertThat(deliveryField(worker, "attempts")).containsExactly("3");
      assertThat(deliveryField(worker, "lastError")).containsExactly("HTTP 503");
      List<Instant> tries =
          received.stream().filter(r -> r.path().equals(path)).map(Received::at).toList();
      assertThat(tries).hasSize(3);
      Duration firstGap = Duration.between(tries.get(0), tries.get(1));
      Duration secondGap = Duration.between(tries.get(1), tries.get(2));
      assertThat(firstGap).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(secondGap).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
  }

  @Nested
  class AnEndpoint {

    @Test
    void is_set_by_an_admin_only_and_its_secret_is_never_shown_again() throws Exception {
      String agency = "IDVA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      String request = "{\"url\":\"https://case-system.example.invalid/hooks\"}";

      assertThat(
              exchange(
                      HttpRequest.PUT("/api/v1/webhooks/" + agency, request)
                          .bearerAuth(analystToken()))
                  .code())
          .isEqualTo(403);
      exchange(HttpRequest.PUT("/api/v1/webhooks/" + agency, request).bearerAuth(adminOf(agency)));
      var shown = get("/api/v1/webhooks/" + agency, adminOf(agency));

      assertThat(shown.code()).isEqualTo(200);
      assertThat(json.readTree(body(shown)).has("secret")).isFalse();
    }

    @Test
    void of_another_agency_cannot_be_set_or_read_by_an_admin_of_this_one() {
      String agency = "IDVA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      String request = "{\"url\":\"https://attacker.example.invalid/hooks\"}";

      var set =
          exchange(
              HttpRequest.PUT("/api/v1/webhooks/" + agency, request)
                  .bearerAuth(adminOf("HAMPSHIRE_POLICE")));

      assertThat(set.code()).isEqualTo(403);
      assertThat(get("/api/v1/webhooks/" + agency, adminOf("HAMPSHIRE_POLICE")).code())
          .isEqualTo(403);
    }

    @Test
    void that_is_not_an_absolute_web_url_is_a_400_naming_it() throws Exception {
      var response =
          exchange(
              HttpRequest.PUT("/api/v1/webhooks/SOME_AGENCY", "{\"url\":\"ftp://x/y\"}")
                  .bearerAuth(adminOf("SOME_AGENCY")));

      assertThat(response.code()).isEqualTo(400);
      assertThat(json.readTree(body(response)).path("errors").findValuesAsText("field"))
          .containsExactly("url");
    }
  }
}
