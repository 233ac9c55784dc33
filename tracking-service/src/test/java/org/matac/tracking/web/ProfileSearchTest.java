package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/** Search by name, date of birth, PNC id and area: in full within need to know, else a signpost. */
@MicronautTest(transactional = false)
class ProfileSearchTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  private final String family = "Zedfake" + UUID.randomUUID().toString().substring(0, 6);
  private final String serial =
      String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
  private final Envelopes.Incident incident =
      Envelopes.incident()
          .named("Quentin", family)
          .bornOn("1988-07-14")
          .withPnc("2018/" + serial + "K")
          .withArea("SOUTHAMPTON");

  @BeforeAll
  void aPersonKnownToThePolice() {
    assertThat(postEvent(incident.json(), partnerToken(POLICE)).code()).isEqualTo(202);
  }

  private JsonNode search(String query, String token) throws Exception {
    var response = get("/api/v1/perpetrators?" + query, token);
    assertThat(response.code()).as(body(response)).isEqualTo(200);
    return json.readTree(body(response));
  }

  @Nested
  class WithinNeedToKnow {

    @Test
    void finds_a_person_by_the_start_of_their_names_in_any_case() throws Exception {
      JsonNode found =
          search("name=quent%20" + family.substring(0, 8).toLowerCase(), analystToken());

      assertThat(found.path("items").findValuesAsText("familyName")).containsExactly(family);
    }

    @Test
    void finds_a_person_by_pnc_id_in_its_short_form_and_date_of_birth() throws Exception {
      JsonNode found = search("pncId=18/" + serial + "k&dateOfBirth=1988-07-14", analystToken());

      assertThat(found.path("items").findValuesAsText("familyName")).containsExactly(family);
    }

    @Test
    void a_coordinator_finds_people_of_their_area() throws Exception {
      JsonNode found =
          search(
              "area=SOUTHAMPTON&name=" + family,
              token("c1", "MATAC_COORDINATOR", "SOUTHAMPTON_CITY_COUNCIL", "SOUTHAMPTON"));

      assertThat(found.path("items")).hasSize(1);
    }
  }

  @Nested
  class OutsideNeedToKnow {

    @Test
    void shows_only_that_a_profile_exists_who_holds_it_and_how_to_ask() throws Exception {
      JsonNode found =
          search(
              "name=" + family,
              token("c2", "MATAC_COORDINATOR", "PORTSMOUTH_CITY_COUNCIL", "PORTSMOUTH"));

      assertThat(found.path("items")).isEmpty();
      assertThat(found.path("signposts").findValuesAsText("exists")).containsExactly("true");
      assertThat(found.toString()).doesNotContain("Quentin").doesNotContain(serial);
    }
  }

  @Nested
  class IdentitiesForAList {

    private JsonNode identities(String ids, String token) throws Exception {
      var response =
          exchange(
              HttpRequest.POST("/api/v1/perpetrators/identities", "{\"ids\":[" + ids + "]}")
                  .bearerAuth(token));
      assertThat(response.code()).as(body(response)).isEqualTo(200);
      return json.readTree(body(response));
    }

    private String id() throws Exception {
      return search("name=" + family, analystToken()).path("items").get(0).path("id").asText();
    }

    @Test
    void names_everyone_the_caller_may_read_and_withholds_the_rest() throws Exception {
      String unknown = UUID.randomUUID().toString();

      JsonNode answer =
          identities(
              "\"" + id() + "\",\"" + unknown + "\"",
              token("c1", "MATAC_COORDINATOR", "SOUTHAMPTON_CITY_COUNCIL", "SOUTHAMPTON"));

      assertThat(answer.path("items").findValuesAsText("familyName")).containsExactly(family);
      assertThat(answer.path("withheld").get(0).asText()).isEqualTo(unknown);
    }

    @Test
    void gives_no_name_outside_need_to_know() throws Exception {
      JsonNode answer =
          identities(
              "\"" + id() + "\"",
              token("c2", "MATAC_COORDINATOR", "PORTSMOUTH_CITY_COUNCIL", "PORTSMOUTH"));

      assertThat(answer.path("items")).isEmpty();
      assertThat(answer.toString()).doesNotContain(family);
    }
  }

  @Nested
  class ABadSearch {

    @Test
    void without_any_criterion_is_a_400_saying_what_to_give() throws Exception {
      var response = get("/api/v1/perpetrators", analystToken());

      assertThat(response.code()).isEqualTo(400);
      assertThat(body(response)).contains("sourcePersonId").contains("dateOfBirth");
    }

    @Test
    void with_a_malformed_pnc_id_or_date_is_a_400_naming_both() throws Exception {
      var response = get("/api/v1/perpetrators?pncId=ABC&dateOfBirth=14/07/1988", analystToken());

      assertThat(response.code()).isEqualTo(400);
      assertThat(json.readTree(body(response)).path("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("pncId", "dateOfBirth");
    }
  }
}
