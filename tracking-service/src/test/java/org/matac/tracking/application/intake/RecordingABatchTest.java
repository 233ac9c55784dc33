package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.support.security.Caller;
import org.matac.testing.Envelopes;
import org.matac.testing.TopicProbe;
import org.matac.tracking.TrackingServiceTestBase;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.persistence.PerpetratorStore;

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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  @Nested
  class AnyPoll {

    private static final List<String> OFFENCES =
        List.of("COMMON_ASSAULT", "ABH", "CRIMINAL_DAMAGE", "CONTROLLING_COERCIVE_BEHAVIOUR");

    @Inject PerpetratorStore perpetrators;
    @Inject TransactionOperations<Connection> transactions;

    @Test
    void leaves_what_recording_its_events_one_at_a_time_leaves() throws Exception {
      List<Function<String, String>> poll = poll(new Random(3), 12);
      String alone = "A" + UUID.randomUUID().toString().substring(0, 6);
      String together = "T" + UUID.randomUUID().toString().substring(0, 6);
      Caller police = Caller.system("kafka:" + Topics.POLICE_INTAKE, POLICE);

      List<RecordingPartnerEvents.Outcome> oneByOne = new ArrayList<>();
      for (Function<String, String> envelope : poll) {
        oneByOne.add(
            recording.record(
                event(envelope.apply(alone)), RecordingPartnerEvents.Channel.KAFKA, police));
      }
      List<RecordingPartnerEvents.Outcome> asAPoll =
          recording.recordAll(
              poll.stream().map(envelope -> event(envelope.apply(together))).toList(),
              RecordingPartnerEvents.Channel.KAFKA,
              Collections.nCopies(poll.size(), police));

      assertThat(asAPoll).isEqualTo(oneByOne);
      assertThat(oneByOne)
          .contains(
              RecordingPartnerEvents.Outcome.ACCEPTED,
              RecordingPartnerEvents.Outcome.DUPLICATE,
              RecordingPartnerEvents.Outcome.CONFLICT);
      for (int person = 0; person < 12; person++) {
        assertThat(profileOf(together, person)).isEqualTo(profileOf(alone, person));
      }
    }

    /**
     * Twelve people's envelopes as a poll holds them, each a function of the path's mark (which
     * makes its people, references and event ids its own): one to three incidents each, some
     * corrected by a later version, some versions arriving late, some envelopes sent twice, and one
     * event id used again for a different body.
     */
    private List<Function<String, String>> poll(Random random, int people) {
      List<Function<String, String>> poll = new ArrayList<>();
      for (int person = 0; person < people; person++) {
        int who = person;
        int incidents = 1 + random.nextInt(3);
        for (int n = 0; n < incidents; n++) {
          int which = n;
          String offence = OFFENCES.get(random.nextInt(OFFENCES.size()));
          String victim = "V-" + random.nextInt(4);
          String family = random.nextBoolean() ? "Fakeperson" : "Fakeperson-Corrected";
          Function<String, Envelopes.Incident> incident =
              mark ->
                  Envelopes.incident()
                      .withEventId(
                          UUID.nameUUIDFromBytes((mark + who + "-" + which).getBytes()).toString())
                      .withPerson("NICHE-" + mark + "-" + who)
                      .withSourceReference("44/" + mark + "-" + who + "-" + which + "/26")
                      .withVictim(victim + "-" + mark)
                      .withOffence(offence)
                      .named("Testy", family)
                      // Distinct times: the latest record names the person, whatever its id.
                      .recordedAt("2026-10-02T08:3" + which + ":00Z");
          poll.add(mark -> incident.apply(mark).json());
          if (random.nextInt(4) == 0) {
            poll.add(mark -> incident.apply(mark).json()); // sent twice
          }
          if (random.nextInt(3) == 0) {
            Function<String, String> corrected =
                mark ->
                    incident
                        .apply(mark)
                        .withEventId(
                            UUID.nameUUIDFromBytes((mark + who + "-" + which + "-v2").getBytes())
                                .toString())
                        .withOffence("GBH")
                        .version(2, "2026-10-03T09:0" + which + ":00Z")
                        .json();
            poll.add(corrected);
            if (random.nextBoolean()) {
              // The first version again, late, under an id of its own: it is not current.
              poll.add(
                  mark ->
                      incident
                          .apply(mark)
                          .withEventId(
                              UUID.nameUUIDFromBytes(
                                      (mark + who + "-" + which + "-late").getBytes())
                                  .toString())
                          .version(1, "2026-10-02T08:3" + which + ":30Z")
                          .json());
            }
          }
        }
      }
      // An event id used again for a different body: a sender's error, refused as a conflict.
      poll.add(
          mark ->
              Envelopes.incident()
                  .withEventId(UUID.nameUUIDFromBytes((mark + 0 + "-" + 0).getBytes()).toString())
                  .withPerson("NICHE-" + mark + "-other")
                  .json());
      return poll;
    }

    /** The person's profile as published, with the path's mark taken out of every identifier. */
    private String profileOf(String mark, int person) throws Exception {
      UUID id = UUID.fromString(idOf(POLICE, "NICHE-" + mark + "-" + person));
      var profile = transactions.executeRead(status -> perpetrators.profile(id));
      JsonNode tree = json.valueToTree(profile);
      for (JsonNode version : tree.path("versions")) {
        ((ObjectNode) version).remove("eventId");
      }
      return tree.toString().replace(mark, "MARK");
    }
  }
}
