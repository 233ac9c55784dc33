package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class ProfileNeedToKnowTest extends TrackingServiceTestBase {

  private static final String IDVA = "SOUTHAMPTON_IDVA";

  @Inject ObjectMapper json;

  private final String victim = "V-NTK-" + UUID.randomUUID();
  private final String linkedWorker = "idva-linked-" + UUID.randomUUID();
  private final Envelopes.Incident incident =
      Envelopes.incident().withVictim(victim).withVictimAddress("MARKER-NTK-ADDRESS");
  private String perpetratorId;

  @BeforeAll
  void anIncidentAndAWorkerAssignedToItsVictim() throws Exception {
    assertThat(postEvent(incident.json(), partnerToken(POLICE)).code()).isEqualTo(202);
    assertThat(
            postEvent(
                    Envelopes.workerAssignment()
                        .forVictim(victim)
                        .forWorker(linkedWorker)
                        .aboutPerson("IDVA-NTK-" + UUID.randomUUID())
                        .json(),
                    partnerToken(IDVA))
                .code())
        .isEqualTo(202);
    perpetratorId =
        json.readTree(
                body(
                    get(
                        "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                            + incident.sourcePersonId,
                        analystToken())))
            .path("items")
            .get(0)
            .path("id")
            .asText();
  }

  private int read(String token) {
    return get("/api/v1/perpetrators/" + perpetratorId, token).code();
  }

  private String worker(String subject) {
    return token(subject, "VICTIM_SAFETY_WORKER", IDVA, "SOUTHAMPTON");
  }

  @Nested
  class AVictimSafetyWorker {

    @Test
    void reads_the_perpetrator_linked_to_a_victim_they_support_without_contact_details() {
      var response = get("/api/v1/perpetrators/" + perpetratorId, worker(linkedWorker));

      assertThat(response.code()).isEqualTo(200);
      assertThat(body(response)).doesNotContain("MARKER-NTK-ADDRESS");
    }

    @Test
    void is_refused_any_other_perpetrator_and_the_refusal_is_audited() throws Exception {
      String stranger = "idva-stranger-" + UUID.randomUUID();

      assertThat(read(worker(stranger))).isEqualTo(403);
      JsonNode audit =
          json.readTree(body(get("/api/v1/audit?actor=" + stranger, token("aud", "AUDITOR", "X"))))
              .path("items");
      assertThat(audit.findValuesAsText("outcome")).containsExactly("DENIED");
    }

    @Test
    void searching_outside_their_scope_learns_only_that_a_profile_exists_and_who_holds_it()
        throws Exception {
      JsonNode answer =
          json.readTree(
              body(
                  get(
                      "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                          + incident.sourcePersonId,
                      worker("idva-stranger-" + UUID.randomUUID()))));

      assertThat(answer.path("items")).isEmpty();
      JsonNode signpost = answer.path("signposts").get(0);
      assertThat(signpost.path("exists").asBoolean()).isTrue();
      assertThat(signpost.path("heldBy").toString()).contains("HAMPSHIRE_POLICE");
      assertThat(signpost.path("requestAccess").asText()).isNotBlank();
      assertThat(answer.toString()).doesNotContain(perpetratorId).doesNotContain("Fakeperson");
    }
  }

  @Nested
  class ACoordinator {

    @Test
    void reads_profiles_with_an_incident_in_their_area_and_no_other() {
      assertThat(read(token("c1", "MATAC_COORDINATOR", "COUNCIL", "SOUTHAMPTON"))).isEqualTo(200);
      assertThat(read(token("c2", "MATAC_COORDINATOR", "COUNCIL", "PORTSMOUTH"))).isEqualTo(403);
    }
  }

  @Nested
  class ACaseworker {

    @Test
    void reads_no_profile_that_was_never_referred_to_their_agency() {
      assertThat(read(token("cw", "CASEWORKER", "HAMPTON_TRUST", "SOUTHAMPTON"))).isEqualTo(403);
    }
  }
}
