package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.DeadLetterHeaders;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class DeadLetterDeskTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  private String admin() {
    return token("admin-1", "ADMIN", "HAMPSHIRE_POLICE");
  }

  private JsonNode letterCarrying(String marker) throws Exception {
    JsonNode items =
        json.readTree(body(get("/api/v1/dead-letters?limit=1000", admin()))).path("items");
    for (JsonNode item : items) {
      JsonNode shown =
          json.readTree(body(get("/api/v1/dead-letters/" + item.path("id").asText(), admin())));
      if (shown.path("value").asText().contains(marker)) {
        return shown;
      }
    }
    return null;
  }

  /** Puts {@code incident} on the intake dead-letter topic as intake would, with {@code reason}. */
  private void deadLetter(Envelopes.Incident incident, String reason) throws Exception {
    try (var producer =
        new KafkaProducer<String, byte[]>(
            infrastructure.kafkaClient("tracking"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      var record =
          new ProducerRecord<String, byte[]>(
              Topics.INTAKE_DEAD_LETTER,
              incident.sourcePersonId,
              incident.json().getBytes(StandardCharsets.UTF_8));
      record.headers().add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(
              DeadLetterHeaders.ERRORS,
              "area: unknown (mapping since fixed)".getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(
              DeadLetterHeaders.ORIGINAL_TOPIC,
              Topics.POLICE_INTAKE.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    }
  }

  private int profilesOf(Envelopes.Incident incident) throws Exception {
    return json.readTree(
            body(
                get(
                    "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                        + incident.sourcePersonId,
                    analystToken())))
        .path("items")
        .size();
  }

  @Nested
  class ABulkReplay {

    @Test
    void sends_back_every_waiting_letter_of_the_reason_chosen_and_leaves_the_others()
        throws Exception {
      String reason = "MAPPING_FIXED_" + UUID.randomUUID().toString().substring(0, 8);
      var first = Envelopes.incident();
      var second = Envelopes.incident();
      var other = Envelopes.incident();
      deadLetter(first, reason);
      deadLetter(second, reason);
      deadLetter(other, reason + "_OTHER");
      await().atMost(Duration.ofSeconds(30)).until(() -> letterCarrying(other.eventId) != null);
      await().atMost(Duration.ofSeconds(30)).until(() -> letterCarrying(second.eventId) != null);

      var replayed =
          exchange(
              HttpRequest.POST(
                      "/api/v1/dead-letters/replays",
                      Map.of("originalTopic", Topics.POLICE_INTAKE, "reason", reason))
                  .bearerAuth(admin()));

      assertThat(replayed.code()).isEqualTo(200);
      assertThat(json.readTree(body(replayed)).path("replayed")).hasSize(2);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> profilesOf(first) == 1 && profilesOf(second) == 1);
      assertThat(letterCarrying(other.eventId).path("summary").path("status").asText())
          .isEqualTo("NEW");
      assertThat(profilesOf(other)).isZero();
    }

    @Test
    void needs_the_topic_the_letters_came_from() throws Exception {
      var refused =
          exchange(
              HttpRequest.POST("/api/v1/dead-letters/replays", Map.of("reason", "ANY"))
                  .bearerAuth(admin()));

      assertThat(refused.code()).isEqualTo(400);
      assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
          .containsExactly("originalTopic");
    }
  }

  @Nested
  class ARefusedEvent {

    @Test
    void is_listed_for_an_admin_with_its_reason_and_origin() throws Exception {
      var broken = Envelopes.incident().withOffence("JAYWALKING");
      topics.send(Topics.POLICE_INTAKE, null, broken.json());

      await().atMost(Duration.ofSeconds(30)).until(() -> letterCarrying(broken.eventId) != null);
      JsonNode letter = letterCarrying(broken.eventId).path("summary");
      assertThat(letter.path("reason").asText()).isEqualTo("INVALID_ENVELOPE");
      assertThat(letter.path("errors").asText()).contains("payload.offences[0].category");
      assertThat(letter.path("originalTopic").asText()).isEqualTo(Topics.POLICE_INTAKE);
      assertThat(letter.path("status").asText()).isEqualTo("NEW");
    }

    @Test
    void is_shown_to_admins_only() {
      assertThat(get("/api/v1/dead-letters", analystToken()).code()).isEqualTo(403);
    }
  }

  @Nested
  class AReplay {

    /**
     * A record dead-lettered by an earlier, wrong mapping: valid now, so replaying it records it
     * and the letter is marked replayed.
     */
    @Test
    void sends_the_record_back_to_its_topic_where_it_is_recorded_once_fixed() throws Exception {
      var incident = Envelopes.incident();
      deadLetter(incident, "INVALID_ENVELOPE");
      await().atMost(Duration.ofSeconds(30)).until(() -> letterCarrying(incident.eventId) != null);
      String id = letterCarrying(incident.eventId).path("summary").path("id").asText();

      var replayed =
          exchange(
              HttpRequest.POST("/api/v1/dead-letters/" + id + "/replay", "").bearerAuth(admin()));

      assertThat(replayed.code()).isEqualTo(200);
      assertThat(json.readTree(body(replayed)).path("status").asText()).isEqualTo("REPLAYED");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  json.readTree(
                              body(
                                  get(
                                      "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                                          + incident.sourcePersonId,
                                      analystToken())))
                          .path("items")
                          .size()
                      == 1);
      assertThat(
              exchange(
                      HttpRequest.POST("/api/v1/dead-letters/" + id + "/replay", "")
                          .bearerAuth(admin()))
                  .code())
          .as("a letter is replayed once")
          .isEqualTo(409);
      assertThat(
              json.readTree(
                      body(
                          get(
                              "/api/v1/audit?subjectType=DEAD_LETTER&subjectId=" + id,
                              token("auditor", "AUDITOR", "X"))))
                  .path("items")
                  .findValuesAsText("action"))
          .contains("CONSULTATION", "COLLECTION");
    }
  }
}
