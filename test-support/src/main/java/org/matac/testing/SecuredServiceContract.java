package org.matac.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every service owes on security, run by each service against itself: every route decides
 * explicitly who may call it, every flawed token is refused, path tricks reach nothing, and every
 * answer carries the security headers.
 */
public abstract class SecuredServiceContract extends ServiceTestBase {

  @Inject protected Router router;

  /** A path the {@link #allowedRole()} may read, answering 2xx or 404 to a valid token. */
  protected abstract String protectedPath();

  protected abstract String allowedRole();

  protected String allowedAgency() {
    return "HAMPSHIRE_POLICE";
  }

  @Test
  void every_route_has_an_explicit_secured_decision() {
    assertThat(SecuredRoutes.count(router)).isPositive();
    assertThat(SecuredRoutes.withoutSecured(router)).isEmpty();
  }

  @Test
  void a_valid_token_for_the_allowed_role_gets_through() {
    var response = get(protectedPath(), token("caller-1", allowedRole(), allowedAgency()));

    assertThat(response.code()).isIn(200, 404);
  }

  @Test
  void every_flawed_token_is_refused_with_401_and_a_problem_that_explains_nothing() {
    Map<String, String> forged =
        infrastructure.forgedTokens("caller-1", allowedRole(), allowedAgency());

    forged.forEach(
        (flaw, token) -> {
          HttpResponse<String> response = get(protectedPath(), token);
          assertThat(response.code()).as(flaw).isEqualTo(401);
          assertThat(body(response)).as(flaw).doesNotContain("Exception").doesNotContain("\tat ");
        });
  }

  @Test
  void a_request_without_a_token_is_refused() {
    assertThat(exchange(HttpRequest.GET(protectedPath())).code()).isEqualTo(401);
  }

  @Test
  void double_slashes_and_encoded_slashes_reach_nothing_without_a_token() {
    String path = protectedPath();
    for (String trick :
        new String[] {
          "/" + path,
          path.replaceFirst("/api/", "/api//"),
          path.replaceFirst("/api/v1/", "/api/v1%2F"),
          path.replaceFirst("/api/", "/api/%2e/"),
          path + "/",
          path.toUpperCase()
        }) {
      int status = exchange(HttpRequest.GET(trick)).code();
      assertThat(status).as(trick).isIn(401, 403, 404, 400);
    }
  }

  @Test
  void every_answer_carries_the_security_headers_and_problems_are_problem_json() {
    HttpResponse<String> refused = exchange(HttpRequest.GET(protectedPath()));

    assertThat(refused.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(refused.getHeaders().get("Cache-Control")).isEqualTo("no-store");
    assertThat(refused.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(refused.getContentType().orElseThrow().toString())
        .isEqualTo("application/problem+json");
  }

  @Test
  void publishes_its_openapi_document_generated_from_the_code_to_authenticated_callers() {
    HttpResponse<String> document =
        get("/api/v1/openapi.yml", token("caller-1", allowedRole(), allowedAgency()));

    assertThat(document.code()).isEqualTo(200);
    assertThat(body(document)).startsWith("openapi: 3").contains(protectedPath().split("/")[3]);
    assertThat(exchange(HttpRequest.GET("/api/v1/openapi.yml")).code()).isEqualTo(401);
  }

  @Test
  void health_answers_anonymously_without_details_of_the_infrastructure() {
    HttpResponse<String> health = exchange(HttpRequest.GET("/health"));

    assertThat(health.code()).isEqualTo(200);
    assertThat(body(health))
        .contains("UP")
        .doesNotContain("details")
        .doesNotContainIgnoringCase("jdbc")
        .doesNotContainIgnoringCase("kafka");
  }
}
