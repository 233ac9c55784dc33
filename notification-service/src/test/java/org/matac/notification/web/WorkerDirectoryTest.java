package org.matac.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.notification.NotificationServiceTestBase;

@MicronautTest(transactional = false)
class WorkerDirectoryTest extends NotificationServiceTestBase {

  static final String IDVA = "SOUTHAMPTON_IDVA";

  private String adminOf(String agency) {
    return token("admin-" + UUID.randomUUID(), "ADMIN", agency);
  }

  private HttpResponse<String> put(String workerId, String email, String token) {
    return exchange(
        HttpRequest.PUT("/api/v1/worker-directory/" + workerId, Map.of("email", email))
            .bearerAuth(token));
  }

  private JsonNode listed(String token) throws Exception {
    return json.readTree(body(get("/api/v1/worker-directory", token))).path("items");
  }

  @Nested
  class AnAgencysAdmin {

    @Test
    void sets_a_workers_address_and_sees_it_in_their_own_agencys_directory_only() throws Exception {
      String worker = "idva-" + UUID.randomUUID();

      var saved = put(worker, "w@idva.example", adminOf(IDVA));

      assertThat(saved.code()).isEqualTo(200);
      assertThat(json.readTree(body(saved)).path("agency").asText()).isEqualTo(IDVA);
      assertThat(listed(adminOf(IDVA)).findValuesAsText("workerId")).contains(worker);
      assertThat(listed(adminOf("HAMPTON_TRUST")).findValuesAsText("workerId"))
          .doesNotContain(worker);
    }

    @Test
    void cannot_change_or_remove_another_agencys_worker() {
      String worker = "idva-" + UUID.randomUUID();
      put(worker, "w@idva.example", adminOf(IDVA));

      assertThat(put(worker, "elsewhere@attacker.example", adminOf("HAMPTON_TRUST")).code())
          .isEqualTo(403);
      assertThat(
              exchange(
                      HttpRequest.DELETE("/api/v1/worker-directory/" + worker)
                          .bearerAuth(adminOf("HAMPTON_TRUST")))
                  .code())
          .isEqualTo(403);
    }

    @Test
    void removes_their_own_worker_from_the_directory() throws Exception {
      String worker = "idva-" + UUID.randomUUID();
      put(worker, "w@idva.example", adminOf(IDVA));

      var removed =
          exchange(
              HttpRequest.DELETE("/api/v1/worker-directory/" + worker).bearerAuth(adminOf(IDVA)));

      assertThat(removed.code()).isEqualTo(204);
      assertThat(listed(adminOf(IDVA)).findValuesAsText("workerId")).doesNotContain(worker);
    }

    @Test
    void is_told_which_field_is_wrong_when_the_address_is_not_one() throws Exception {
      var refused = put("idva-" + UUID.randomUUID(), "not an address", adminOf(IDVA));

      assertThat(refused.code()).isEqualTo(400);
      assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
          .containsExactly("email");
    }
  }

  @Test
  void a_worker_cannot_edit_the_directory_even_for_themselves() {
    String worker = "idva-" + UUID.randomUUID();

    var refused = put(worker, "w@idva.example", token(worker, "VICTIM_SAFETY_WORKER", IDVA));

    assertThat(refused.code()).isEqualTo(403);
  }
}
