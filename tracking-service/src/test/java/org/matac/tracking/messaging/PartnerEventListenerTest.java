package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.DeadLetterHeaders;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.testing.TopicProbe;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class PartnerEventListenerTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  private JsonNode profiles(String sourcePersonId) throws Exception {
    var response =
        exchange(
            HttpRequest.GET(
                    "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=" + sourcePersonId)
                .bearerAuth(analystToken()));
    return json.readTree(body(response)).path("items");
  }

  @Nested
  class AValidEventOnThePoliceTopic {

    @Test
    void is_recorded_and_published_as_a_profile_change_keyed_by_perpetrator_id() throws Exception {
      var incident = Envelopes.incident().withVictimAddress("MARKER-ADDRESS-7731");

      topics.send(Topics.POLICE_INTAKE, incident.sourcePersonId, incident.json());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> profiles(incident.sourcePersonId).size() == 1);
      String perpetratorId = profiles(incident.sourcePersonId).get(0).path("id").asText();
      var published =
          topics.readUntil(
              Topics.PROFILE_CHANGED,
              record -> record.value().contains(incident.eventId),
              Duration.ofSeconds(30));
      var change = published.get(published.size() - 1);
      assertThat(change.key()).isEqualTo(perpetratorId);
      assertThat(change.value())
          .contains("INCIDENT_RECORDED")
          .doesNotContain("MARKER-ADDRESS-7731");
    }
  }

  @Nested
  class AnAcceptedIncidentWithAVictimsContact {

    @Test
    void keeps_the_contact_only_in_victim_contact_not_in_the_stored_envelope() throws Exception {
      var incident = Envelopes.incident().withVictimAddress("MARKER-STORED-" + unique());

      topics.send(Topics.POLICE_INTAKE, incident.sourcePersonId, incident.json());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> profiles(incident.sourcePersonId).size() == 1);
      assertThat(
              countOf(
                  "SELECT count(*) FROM victim_contact WHERE address = ?", incident.victimAddress))
          .isEqualTo(1);
      assertThat(
              countOf(
                  "SELECT count(*) FROM intake_event WHERE event_id = ?::uuid"
                      + " AND body::text LIKE '%MARKER-STORED-%'",
                  incident.eventId))
          .isZero();
    }

    private String unique() {
      return UUID.randomUUID().toString().substring(0, 8);
    }
  }

  @Nested
  class TheListener {

    @Test
    void consumes_as_its_own_named_group_so_committed_offsets_survive_a_restart() throws Exception {
      var incident = Envelopes.incident();
      topics.send(Topics.POLICE_INTAKE, incident.sourcePersonId, incident.json());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> profiles(incident.sourcePersonId).size() == 1);

      assertThat(topics.consumerGroups()).contains("tracking-intake");
    }
  }

  @Nested
  class AnEventThatCannotBeAccepted {

    /** Read up to the dead letter of the event: its value is the envelope less victim contacts. */
    private List<TopicProbe.Received> deadLetterOf(String eventId) {
      return topics.readUntil(
          Topics.INTAKE_DEAD_LETTER,
          record -> record.value() != null && record.value().contains(eventId),
          Duration.ofSeconds(30));
    }

    @Test
    void lands_on_the_dead_letter_topic_with_the_reason_and_its_origin_in_headers() {
      var broken = Envelopes.incident().withOffence("JAYWALKING");

      topics.send(Topics.POLICE_INTAKE, null, broken.json());

      var dead = deadLetterOf(broken.eventId);
      var headers = dead.get(dead.size() - 1).headers();
      assertThat(headers.get(DeadLetterHeaders.REASON)).isEqualTo("INVALID_ENVELOPE");
      assertThat(headers.get(DeadLetterHeaders.ERRORS)).contains("payload.offences[0].category");
      assertThat(headers.get(DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.POLICE_INTAKE);
      assertThat(headers)
          .containsKeys(DeadLetterHeaders.ORIGINAL_PARTITION, DeadLetterHeaders.ORIGINAL_OFFSET);
    }

    @Test
    void from_a_police_force_on_the_partner_topic_is_dead_lettered_as_a_source_not_allowed() {
      var police = Envelopes.incident();

      topics.send(Topics.PARTNER_INTAKE, null, police.json());

      var dead = deadLetterOf(police.eventId);
      assertThat(dead.get(dead.size() - 1).headers().get(DeadLetterHeaders.REASON))
          .isEqualTo("SOURCE_NOT_ALLOWED_ON_TOPIC");
    }

    @Test
    void that_assigns_another_agencys_worker_is_dead_lettered_as_not_the_senders_to_say() {
      String foreign =
          Envelopes.workerAssignment()
              .sentBy("HAMPTON_TRUST")
              .ofAWorkerOf("SOUTHAMPTON_IDVA")
              .json();

      topics.send(Topics.PARTNER_INTAKE, null, foreign);

      var dead =
          topics.readUntil(
              Topics.INTAKE_DEAD_LETTER,
              record -> foreign.equals(record.value()),
              Duration.ofSeconds(30));
      var headers = dead.get(dead.size() - 1).headers();
      assertThat(headers.get(DeadLetterHeaders.REASON)).isEqualTo("NOT_THE_SENDERS_TO_SAY");
      assertThat(headers.get(DeadLetterHeaders.ERRORS)).contains("payload.workerAgency");
    }

    @Test
    void is_dead_lettered_without_its_victims_contact_details_and_can_still_be_read() {
      var incident = Envelopes.incident().withArea("ATLANTIS").withVictimAddress("MARKER-DEAD-9");
      String rejected = incident.json();

      topics.send(Topics.POLICE_INTAKE, null, rejected);

      var dead = deadLetterOf(incident.eventId);
      String kept = dead.get(dead.size() - 1).value();
      assertThat(kept).doesNotContain("MARKER-DEAD-9").contains("\"victimRef\"");
      assertThat(dead.get(dead.size() - 1).headers().get(DeadLetterHeaders.REASON))
          .isEqualTo("INVALID_ENVELOPE");
    }

    @Test
    void that_is_not_json_is_dead_lettered_without_its_content_in_the_headers() {
      String garbage = "{not json, victim MARKER-NAME-4410";

      topics.send(Topics.PARTNER_INTAKE, null, garbage);

      var dead =
          topics.readUntil(
              Topics.INTAKE_DEAD_LETTER,
              record -> garbage.equals(record.value()),
              Duration.ofSeconds(30));
      assertThat(dead.get(dead.size() - 1).headers().values())
          .noneMatch(value -> value.contains("MARKER-NAME-4410"));
    }
  }
}
