package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.support.security.Caller;
import org.matac.testing.Envelopes;
import org.matac.testing.TopicProbe;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * A poll's events recorded together: one profile message per person for all of their events, except
 * around a join, where what was held goes out first.
 */
@MicronautTest(transactional = false)
class RecordingABatchTest extends TrackingServiceTestBase {

  @Inject RecordingPartnerEvents recording;
  @Inject EnvelopeParser parser;
  @Inject ObjectMapper json;

  private PartnerEvent event(String envelope) {
    return parser.parse(envelope.getBytes(StandardCharsets.UTF_8)).event().orElseThrow();
  }

  private void recordTogether(List<String> envelopes) {
    List<PartnerEvent> events = envelopes.stream().map(this::event).toList();
    Caller police = Caller.system("kafka:" + Topics.POLICE_INTAKE, POLICE);
    assertThat(
            recording.recordAll(
                events, RecordingPartnerEvents.Channel.KAFKA, Collections.nCopies(3, police)))
        .containsOnly(RecordingPartnerEvents.Outcome.ACCEPTED);
  }

  private String idOf(String source, String sourcePersonId) throws Exception {
    return json.readTree(
            body(
                get(
                    "/api/v1/perpetrators?source=" + source + "&sourcePersonId=" + sourcePersonId,
                    analystToken())))
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  /** Every profile message published up to and including the one the given event caused. */
  private List<TopicProbe.Received> messagesUntilCausedBy(String eventId) {
    return topics.readUntil(
        Topics.PROFILE_CHANGED, record -> eventId.equals(causeOf(record)), Duration.ofSeconds(30));
  }

  private String causeOf(TopicProbe.Received message) {
    try {
      return json.readTree(message.value()).path("causedByEventId").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> kinds(TopicProbe.Received message) throws Exception {
    return json.readTree(message.value()).path("changes").findValuesAsText("kind");
  }

  @Nested
  class SeveralEventsOfOnePerson {

    @Test
    void publish_one_message_with_every_change_and_the_profile_after_the_last() throws Exception {
      String person = "NICHE-B-" + UUID.randomUUID().toString().substring(0, 8);
      var first = Envelopes.incident().withPerson(person);
      var second = Envelopes.incident().withPerson(person);
      var third = Envelopes.incident().withPerson(person);

      recordTogether(List.of(first.json(), second.json(), third.json()));

      String id = idOf(POLICE, person);
      List<TopicProbe.Received> about =
          messagesUntilCausedBy(third.eventId).stream()
              .filter(message -> id.equals(message.key()))
              .toList();
      assertThat(about).hasSize(1);
      assertThat(kinds(about.get(0)))
          .containsExactly(
              "PROFILE_CREATED", "INCIDENT_RECORDED", "INCIDENT_RECORDED", "INCIDENT_RECORDED");
      JsonNode profile = json.readTree(about.get(0).value()).path("profile");
      assertThat(profile.path("incidents").findValuesAsText("sourceReference"))
          .containsExactlyInAnyOrder(
              first.sourceReference, second.sourceReference, third.sourceReference);
    }
  }

  @Nested
  class AJoinInTheMiddleOfTheBatch {

    @Test
    void publishes_the_held_message_of_each_person_before_joining_them() throws Exception {
      String pnc = "2018/" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)) + "J";
      String council = "SOUTHAMPTON_CHILDRENS_SERVICES";
      var police = Envelopes.incident().withPnc(pnc);
      var councilFirst = Envelopes.incident().withSource(council);
      var joining =
          Envelopes.incident()
              .withSource(council)
              .withPerson(councilFirst.sourcePersonId)
              .withPnc(pnc);

      recordTogether(List.of(police.json(), councilFirst.json(), joining.json()));

      messagesUntilCausedBy(joining.eventId);
      // The people may sit on other partitions than the joined profile: read everything there is.
      List<TopicProbe.Received> messages =
          topics.readAll(Topics.PROFILE_CHANGED, Duration.ofSeconds(1));
      List<String> heldCauses = new ArrayList<>();
      List<TopicProbe.Received> joiningMessages = new ArrayList<>();
      for (TopicProbe.Received message : messages) {
        JsonNode value = json.readTree(message.value());
        String cause = causeOf(message);
        if (cause.equals(joining.eventId)) {
          joiningMessages.add(message);
        }
        if (cause.equals(police.eventId) || cause.equals(councilFirst.eventId)) {
          heldCauses.add(cause);
          assertThat(kinds(message))
              .contains("INCIDENT_RECORDED")
              .doesNotContain("PROFILES_MERGED");
          // Not yet joined: each profile still holds its own agency's identity alone.
          assertThat(value.path("profile").path("identities")).hasSize(1);
        }
      }
      assertThat(heldCauses).containsExactlyInAnyOrder(police.eventId, councilFirst.eventId);
      String joined = idOf(council, councilFirst.sourcePersonId);
      assertThat(idOf(POLICE, police.sourcePersonId)).isEqualTo(joined);
      TopicProbe.Received merge =
          joiningMessages.stream()
              .filter(message -> joined.equals(message.key()))
              .findFirst()
              .orElseThrow();
      assertThat(kinds(merge)).contains("PROFILES_MERGED");
    }
  }
}
