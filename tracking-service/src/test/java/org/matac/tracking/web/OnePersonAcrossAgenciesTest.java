package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * People are the connected groups of identifiers on current, counting records, and the links an
 * admin made by hand; names and dates of birth never join anyone.
 */
@MicronautTest(transactional = false)
class OnePersonAcrossAgenciesTest extends TrackingServiceTestBase {

  private static final String COUNCIL = "SOUTHAMPTON_CHILDRENS_SERVICES";

  @Inject ObjectMapper json;

  private static String freshPnc() {
    return "2019/" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)) + "X";
  }

  private static String person(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void accept(String agency, String envelope) {
    assertThat(postEvent(envelope, partnerToken(agency)).code()).isIn(200, 202);
  }

  private JsonNode found(String source, String sourcePersonId) throws Exception {
    JsonNode items =
        json.readTree(
                body(
                    get(
                        "/api/v1/perpetrators?source="
                            + source
                            + "&sourcePersonId="
                            + sourcePersonId,
                        analystToken())))
            .path("items");
    assertThat(items).as("profiles of %s/%s", source, sourcePersonId).hasSize(1);
    return items.get(0);
  }

  private String idOf(String source, String sourcePersonId) throws Exception {
    return found(source, sourcePersonId).path("id").asText();
  }

  private List<String> changeKindsCausedBy(String eventId, String perpetratorId) throws Exception {
    var published =
        topics.readUntil(
            Topics.PROFILE_CHANGED,
            record -> record.key().equals(perpetratorId) && record.value().contains(eventId),
            Duration.ofSeconds(30));
    return json.readTree(published.get(published.size() - 1).value())
        .path("changes")
        .findValuesAsText("kind");
  }

  private String admin() {
    return token("admin-1", "ADMIN", "HAMPSHIRE_POLICE");
  }

  private HttpResponse<String> post(String path, String body, String token) {
    return exchange(HttpRequest.POST(path, body).bearerAuth(token));
  }

  @Nested
  class RecordsSharingAPncId {

    @Test
    void join_two_profiles_keeping_every_record_and_its_source() throws Exception {
      String pnc = freshPnc();
      String police = person("NICHE");
      String council = person("CS");
      accept(POLICE, Envelopes.incident().withPerson(police).withPnc(pnc).json());
      accept(COUNCIL, Envelopes.incident().withSource(COUNCIL).withPerson(council).json());
      String councilId = idOf(COUNCIL, council);
      assertThat(councilId).isNotEqualTo(idOf(POLICE, police));

      var joining = Envelopes.incident().withSource(COUNCIL).withPerson(council).withPnc(pnc);
      accept(COUNCIL, joining.json());

      JsonNode merged = found(COUNCIL, council);
      String mergedId = merged.path("id").asText();
      assertThat(idOf(POLICE, police)).isEqualTo(mergedId);
      assertThat(merged.path("profile").path("identities").findValuesAsText("source"))
          .containsExactlyInAnyOrder(POLICE, COUNCIL);
      assertThat(merged.path("profile").path("incidents").findValuesAsText("source"))
          .containsExactlyInAnyOrder(POLICE, COUNCIL, COUNCIL);
      String absorbed = councilId.equals(mergedId) ? idOf(POLICE, police) : councilId;
      assertThat(
              json.readTree(body(get("/api/v1/perpetrators/" + councilId, analystToken())))
                  .path("id")
                  .asText())
          .as("an old id leads to the profile it was folded into")
          .isEqualTo(mergedId);
      assertThat(changeKindsCausedBy(joining.eventId, mergedId)).contains("PROFILES_MERGED");
      assertThat(absorbed).isNotNull();
    }

    @Test
    void separate_again_when_a_correction_removes_the_shared_pnc_id() throws Exception {
      String pnc = freshPnc();
      String police = person("NICHE");
      String council = person("CS");
      accept(POLICE, Envelopes.incident().withPerson(police).withPnc(pnc).json());
      var councilFirst = Envelopes.incident().withSource(COUNCIL).withPerson(council);
      accept(COUNCIL, councilFirst.json());
      String councilId = idOf(COUNCIL, council);
      var joining =
          Envelopes.incident()
              .withSource(COUNCIL)
              .withPerson(council)
              .withPnc(pnc)
              .version(1, "2026-10-02T08:30:00Z");
      accept(COUNCIL, joining.json());
      assertThat(idOf(COUNCIL, council)).isEqualTo(idOf(POLICE, police));

      var correction =
          Envelopes.incident()
              .withSource(COUNCIL)
              .withPerson(council)
              .withSourceReference(joining.sourceReference)
              .version(2, "2026-10-05T08:30:00Z");
      accept(COUNCIL, correction.json());

      String policeId = idOf(POLICE, police);
      assertThat(idOf(COUNCIL, council))
          .as("the council's records are their own person again, under their first id")
          .isEqualTo(councilId)
          .isNotEqualTo(policeId);
      assertThat(found(COUNCIL, council).path("profile").path("incidents")).hasSize(2);
      assertThat(found(POLICE, police).path("profile").path("incidents")).hasSize(1);
      assertThat(changeKindsCausedBy(correction.eventId, councilId)).contains("PROFILES_SEPARATED");
      assertThat(changeKindsCausedBy(correction.eventId, policeId)).contains("PROFILES_SEPARATED");
    }

    @Test
    void link_nothing_once_the_record_carrying_them_is_withdrawn() throws Exception {
      String pnc = freshPnc();
      String police = person("NICHE");
      String council = person("CS");
      accept(POLICE, Envelopes.incident().withPerson(police).withPnc(pnc).json());
      accept(COUNCIL, Envelopes.incident().withSource(COUNCIL).withPerson(council).json());
      var joining =
          Envelopes.incident()
              .withSource(COUNCIL)
              .withPerson(council)
              .withPnc(pnc)
              .version(1, "2026-10-02T08:30:00Z");
      accept(COUNCIL, joining.json());

      accept(
          COUNCIL,
          Envelopes.record(
                  "RECORD_WITHDRAWN",
                  "{\"withdrawnType\":\"INCIDENT_REPORTED\",\"reason\":\"CREATED_IN_ERROR\"}")
              .from(COUNCIL)
              .aboutPerson(council)
              .withSourceReference(joining.sourceReference)
              .version(2, "2026-10-06T08:00:00Z")
              .json());

      assertThat(idOf(COUNCIL, council)).isNotEqualTo(idOf(POLICE, police));
    }
  }

  @Nested
  class NamesAndDatesOfBirth {

    @Test
    void alone_never_join_two_people() throws Exception {
      String one = person("NICHE");
      String other = person("NICHE");
      accept(POLICE, Envelopes.incident().withPerson(one).bornOn("1990-05-05").json());
      accept(POLICE, Envelopes.incident().withPerson(other).bornOn("1990-05-05").json());

      assertThat(idOf(POLICE, one)).isNotEqualTo(idOf(POLICE, other));
    }

    @Test
    void come_from_the_latest_counting_record_and_fall_back_when_it_is_withdrawn()
        throws Exception {
      String someone = person("NICHE");
      accept(
          POLICE,
          Envelopes.incident()
              .withPerson(someone)
              .bornOn("1990-01-01")
              .recordedAt("2026-10-02T08:30:00Z")
              .json());
      var later =
          Envelopes.incident()
              .withPerson(someone)
              .bornOn("1991-01-01")
              .recordedAt("2026-10-04T08:30:00Z");
      accept(POLICE, later.json());
      assertThat(found(POLICE, someone).path("profile").path("dateOfBirth").asText())
          .isEqualTo("1991-01-01");

      accept(
          POLICE,
          Envelopes.record(
                  "RECORD_WITHDRAWN",
                  "{\"withdrawnType\":\"INCIDENT_REPORTED\",\"reason\":\"CREATED_IN_ERROR\"}")
              .aboutPerson(someone)
              .withSourceReference(later.sourceReference)
              .version(1, "2026-10-05T08:00:00Z")
              .json());

      assertThat(found(POLICE, someone).path("profile").path("dateOfBirth").asText())
          .isEqualTo("1990-01-01");
    }
  }

  @Nested
  class AnAdminsLink {

    @Test
    void joins_two_profiles_with_a_reason_and_its_removal_separates_them_again() throws Exception {
      String police = person("NICHE");
      String council = person("CS");
      accept(POLICE, Envelopes.incident().withPerson(police).json());
      accept(COUNCIL, Envelopes.incident().withSource(COUNCIL).withPerson(council).json());
      String policeId = idOf(POLICE, police);
      String councilId = idOf(COUNCIL, council);
      String request =
          "{\"perpetratorId\":\"%s\",\"otherPerpetratorId\":\"%s\",\"reason\":\"%s\"}"
              .formatted(policeId, councilId, "same person per the MARAC minutes of 3 Oct");

      assertThat(post("/api/v1/identity-links", request, analystToken()).code())
          .as("only an admin links people")
          .isEqualTo(403);
      var linked = post("/api/v1/identity-links", request, admin());
      assertThat(linked.code()).isEqualTo(201);
      String linkId = json.readTree(body(linked)).path("link").path("id").asText();
      assertThat(idOf(COUNCIL, council)).isEqualTo(idOf(POLICE, police));
      assertThat(post("/api/v1/identity-links", request, admin()).code())
          .as("already one profile")
          .isEqualTo(409);

      var removed =
          post(
              "/api/v1/identity-links/" + linkId + "/removal",
              "{\"reason\":\"minutes misread: two brothers\"}",
              admin());

      assertThat(removed.code()).isEqualTo(200);
      assertThat(idOf(COUNCIL, council)).isEqualTo(councilId);
      assertThat(idOf(POLICE, police)).isEqualTo(policeId);
      JsonNode links =
          json.readTree(body(get("/api/v1/identity-links?perpetratorId=" + policeId, admin())));
      assertThat(links.path("items").findValuesAsText("removalReason"))
          .containsExactly("minutes misread: two brothers");
    }

    @Test
    void cannot_be_removed_while_records_still_share_a_pnc_id() throws Exception {
      String pnc = freshPnc();
      String police = person("NICHE");
      String council = person("CS");
      accept(POLICE, Envelopes.incident().withPerson(police).json());
      accept(COUNCIL, Envelopes.incident().withSource(COUNCIL).withPerson(council).json());
      var linked =
          post(
              "/api/v1/identity-links",
              "{\"perpetratorId\":\"%s\",\"otherPerpetratorId\":\"%s\",\"reason\":\"r\"}"
                  .formatted(idOf(POLICE, police), idOf(COUNCIL, council)),
              admin());
      String linkId = json.readTree(body(linked)).path("link").path("id").asText();
      accept(POLICE, Envelopes.incident().withPerson(police).withPnc(pnc).json());
      accept(
          COUNCIL,
          Envelopes.incident().withSource(COUNCIL).withPerson(council).withPnc(pnc).json());

      var refused =
          post("/api/v1/identity-links/" + linkId + "/removal", "{\"reason\":\"undo\"}", admin());

      assertThat(refused.code()).isEqualTo(409);
      assertThat(body(refused)).contains("correct those records");
      assertThat(idOf(COUNCIL, council)).isEqualTo(idOf(POLICE, police));
    }

    @Test
    void without_a_reason_is_a_400_naming_it() {
      var response =
          post(
              "/api/v1/identity-links",
              "{\"perpetratorId\":\"%s\",\"otherPerpetratorId\":\"%s\"}"
                  .formatted(UUID.randomUUID(), UUID.randomUUID()),
              admin());

      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body()).contains("reason");
    }
  }
}
