package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class PerpetratorTimelineTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  private JsonNode profileOf(String sourcePersonId) throws Exception {
    JsonNode items =
        json.readTree(
                body(
                    get(
                        "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                            + sourcePersonId,
                        analystToken())))
            .path("items");
    assertThat(items).as("profiles of %s", sourcePersonId).hasSize(1);
    return items.get(0).path("profile");
  }

  private void accept(String envelope) {
    assertThat(postEvent(envelope, partnerToken(POLICE)).code()).isIn(200, 202);
  }

  private Envelopes.Record custody(String person, String status) {
    return Envelopes.record("CUSTODY_STATUS_CHANGED", "{\"status\":\"" + status + "\"}")
        .aboutPerson(person);
  }

  @Nested
  class ARecordOtherThanAnIncident {

    @Test
    void appears_on_the_profile_and_is_published_as_a_record_added() throws Exception {
      String person = "NICHE-" + UUID.randomUUID();
      var released = custody(person, "RELEASED");

      accept(released.json());

      JsonNode records = profileOf(person).path("records");
      assertThat(records).hasSize(1);
      assertThat(records.get(0).path("type").asText()).isEqualTo("CUSTODY_STATUS_CHANGED");
      assertThat(records.get(0).path("details").path("status").asText()).isEqualTo("RELEASED");
      var published =
          topics.readUntil(
              Topics.PROFILE_CHANGED,
              record -> record.value().contains(released.eventId),
              Duration.ofSeconds(30));
      JsonNode changes = json.readTree(published.get(published.size() - 1).value()).path("changes");
      assertThat(changes.findValuesAsText("kind")).contains("RECORD_ADDED");
      assertThat(changes.findValuesAsText("recordType")).contains("CUSTODY_STATUS_CHANGED");
    }

    @Test
    void is_replaced_by_a_correction_and_unchanged_by_an_older_version_arriving_late()
        throws Exception {
      String person = "NICHE-" + UUID.randomUUID();
      var first = custody(person, "BAILED").version(1, "2026-10-03T09:05:00Z");
      var correction =
          custody(person, "IN_CUSTODY")
              .withSourceReference(first.sourceReference)
              .version(2, "2026-10-03T10:00:00Z");

      accept(correction.json());
      accept(first.json());

      JsonNode records = profileOf(person).path("records");
      assertThat(records).hasSize(1);
      assertThat(records.get(0).path("details").path("status").asText()).isEqualTo("IN_CUSTODY");
    }

    @Test
    void leaves_the_profile_when_withdrawn_and_returns_with_a_later_ordinary_version()
        throws Exception {
      String person = "NICHE-" + UUID.randomUUID();
      var original = custody(person, "RELEASED").version(1, "2026-10-03T09:05:00Z");
      accept(original.json());

      accept(
          Envelopes.record(
                  "RECORD_WITHDRAWN",
                  "{\"withdrawnType\":\"CUSTODY_STATUS_CHANGED\",\"reason\":\"CREATED_IN_ERROR\"}")
              .aboutPerson(person)
              .withSourceReference(original.sourceReference)
              .version(2, "2026-10-03T11:00:00Z")
              .json());
      assertThat(profileOf(person).path("records")).isEmpty();

      accept(
          custody(person, "BAILED")
              .withSourceReference(original.sourceReference)
              .version(3, "2026-10-03T12:00:00Z")
              .json());
      assertThat(profileOf(person).path("records").get(0).path("details").path("status").asText())
          .isEqualTo("BAILED");
    }
  }

  @Nested
  class AnIncidentWithSeveralVersions {

    @Test
    void carries_every_version_so_a_score_as_of_a_past_instant_can_use_what_was_known_then()
        throws Exception {
      var correction =
          Envelopes.incident().withOffence("COMMON_ASSAULT").version(2, "2026-10-05T08:00:00Z");
      var original =
          Envelopes.incident()
              .withPerson(correction.sourcePersonId)
              .withSourceReference(correction.sourceReference)
              .withOffence("ABH")
              .version(1, "2026-10-02T08:30:00Z");

      accept(correction.json());
      accept(original.json());

      JsonNode profile = profileOf(correction.sourcePersonId);
      assertThat(profile.path("incidents").get(0).path("offenceCategories").get(0).asText())
          .as("the current version decides the profile")
          .isEqualTo("COMMON_ASSAULT");
      JsonNode versions = profile.path("versions");
      assertThat(versions.findValuesAsText("recordVersion")).containsExactly("1", "2");
      assertThat(versions.get(0).path("incident").path("offenceCategories").get(0).asText())
          .isEqualTo("ABH");
      assertThat(versions.toString()).doesNotContain(correction.victimAddress);
      var published =
          topics.readUntil(
              Topics.PROFILE_CHANGED,
              record -> record.value().contains(original.eventId),
              Duration.ofSeconds(30));
      assertThat(
              json.readTree(published.get(published.size() - 1).value())
                  .path("changes")
                  .findValuesAsText("kind"))
          .containsExactly("EARLIER_VERSION_RECORDED");
    }

    @Test
    void carries_a_withdrawal_as_a_version_of_the_record_it_withdraws() throws Exception {
      var incident = Envelopes.incident().version(1, "2026-10-02T08:30:00Z");
      accept(incident.json());

      accept(
          Envelopes.record(
                  "RECORD_WITHDRAWN",
                  "{\"withdrawnType\":\"INCIDENT_REPORTED\",\"reason\":\"CREATED_IN_ERROR\"}")
              .aboutPerson(incident.sourcePersonId)
              .withSourceReference(incident.sourceReference)
              .version(2, "2026-10-06T08:00:00Z")
              .json());

      JsonNode profile = profileOf(incident.sourcePersonId);
      assertThat(profile.path("incidents")).isEmpty();
      assertThat(profile.path("versions").findValuesAsText("withdrawal"))
          .containsExactly("false", "true");
    }
  }

  @Nested
  class ASmallScenario {

    /**
     * An incident, its correction, a justice outcome and a custody change, for one person: every
     * one of the 24 arrival orders must leave the same profile.
     */
    @Test
    void ends_in_the_same_profile_whatever_order_its_events_arrive_in() throws Exception {
      List<List<Integer>> orders = permutations(List.of(0, 1, 2, 3));
      JsonNode expected = null;
      for (List<Integer> order : orders) {
        String person = "NICHE-" + UUID.randomUUID();
        List<String> events = scenarioFor(person);
        for (int index : order) {
          accept(events.get(index));
        }
        JsonNode profile = withoutPersonIdentifiers(profileOf(person));
        if (expected == null) {
          expected = profile;
        }
        assertThat(profile).as("arrival order %s", order).isEqualTo(expected);
      }
      assertThat(expected.path("incidents")).hasSize(1);
      assertThat(expected.path("incidents").get(0).path("offenceCategories").get(0).asText())
          .isEqualTo("ABH");
      assertThat(expected.path("records")).hasSize(2);
    }

    @Test
    void fed_through_kafka_in_one_order_and_the_http_batch_in_another_gives_the_same_profile()
        throws Exception {
      String viaBatch = "NICHE-" + UUID.randomUUID();
      List<String> batchEvents = new ArrayList<>(scenarioFor(viaBatch));
      Collections.reverse(batchEvents);
      var batch =
          exchange(
              HttpRequest.POST("/api/v1/events/batch", "[" + String.join(",", batchEvents) + "]")
                  .contentType(MediaType.APPLICATION_JSON_TYPE)
                  .bearerAuth(partnerToken(POLICE)));
      assertThat(json.readTree(body(batch)).path("results").findValuesAsText("status"))
          .containsOnly("ACCEPTED");
      JsonNode expected = withoutPersonIdentifiers(profileOf(viaBatch));

      String viaKafka = "NICHE-" + UUID.randomUUID();
      for (String event : scenarioFor(viaKafka)) {
        topics.send(Topics.POLICE_INTAKE, viaKafka, event);
      }

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> expected.equals(kafkaProfile(viaKafka)));
    }

    private JsonNode kafkaProfile(String person) throws Exception {
      JsonNode items =
          json.readTree(
                  body(
                      get(
                          "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=" + person,
                          analystToken())))
              .path("items");
      return items.isEmpty() ? null : withoutPersonIdentifiers(items.get(0).path("profile"));
    }

    private List<String> scenarioFor(String person) {
      String reference = "44/SCN-" + person + "/26";
      var original =
          Envelopes.incident()
              .withPerson(person)
              .withSourceReference(reference)
              .withVictim("V-SCN")
              .withOffence("COMMON_ASSAULT")
              .version(1, "2026-10-02T08:30:00Z");
      var correction =
          Envelopes.incident()
              .withPerson(person)
              .withSourceReference(reference)
              .withVictim("V-SCN")
              .withOffence("ABH")
              .version(2, "2026-10-04T08:30:00Z");
      var outcome =
          Envelopes.record(
                  "JUSTICE_OUTCOME_RECORDED",
                  "{\"incidentRef\":\"" + reference + "\",\"outcome\":\"CHARGE\"}")
              .aboutPerson(person)
              .withSourceReference("OUT-" + person);
      var custody = custody(person, "BAILED").withSourceReference("CUS-" + person);
      return List.of(original.json(), correction.json(), outcome.json(), custody.json());
    }

    private JsonNode withoutPersonIdentifiers(JsonNode profile) {
      ObjectNode copy = profile.deepCopy();
      copy.remove("identities");
      copy.withArray("incidents")
          .forEach(incident -> ((ObjectNode) incident).remove("sourceReference"));
      copy.withArray("incidents")
          .forEach(incident -> ((ObjectNode) incident).remove("incidentRef"));
      copy.withArray("records").forEach(record -> ((ObjectNode) record).remove("sourceReference"));
      copy.withArray("records")
          .forEach(record -> ((ObjectNode) record.path("details")).remove("incidentRef"));
      copy.withArray("versions")
          .forEach(
              version -> {
                ((ObjectNode) version).remove(List.of("eventId", "sourceReference"));
                if (version.has("incident")) {
                  ((ObjectNode) version.path("incident"))
                      .remove(List.of("sourceReference", "incidentRef"));
                }
                if (version.has("details")) {
                  ((ObjectNode) version.path("details")).remove("incidentRef");
                }
              });
      return copy;
    }

    private List<List<Integer>> permutations(List<Integer> items) {
      if (items.isEmpty()) {
        return List.of(List.of());
      }
      List<List<Integer>> result = new ArrayList<>();
      for (Integer first : items) {
        List<Integer> rest = new ArrayList<>(items);
        rest.remove(first);
        for (List<Integer> tail : permutations(rest)) {
          List<Integer> order = new ArrayList<>();
          order.add(first);
          order.addAll(tail);
          result.add(order);
        }
      }
      return result;
    }
  }
}
