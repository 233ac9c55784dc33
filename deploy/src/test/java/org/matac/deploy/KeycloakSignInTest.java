package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.deploy.LocalStack.Service;

/**
 * Sign-in through a real OIDC provider: Keycloak with the project's realm (deploy/keycloak). An
 * instance of each service trusting it accepts its tokens and reads the person's roles, agency and
 * areas from them; its keys are rotated while the services run.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakSignInTest {

  private static final Path DEPLOY = Path.of("").toAbsolutePath();

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Service, String> trustingKeycloak = new EnumMap<>(Service.class);
  private LocalStack stack;
  private LocalKeycloak keycloak;

  @BeforeAll
  void startKeycloakAndAnInstanceOfEachServiceTrustingIt() throws Exception {
    stack = RunningStack.stack();
    Path home;
    try (Stream<Path> unpacked = Files.list(DEPLOY.resolve("target").resolve("keycloak"))) {
      home = unpacked.findFirst().orElseThrow();
    }
    Path log = Files.createTempFile("keycloak-", ".log");
    keycloak =
        LocalKeycloak.start(
            home,
            DEPLOY.resolve("keycloak").resolve("matac-realm.json"),
            RunningStack.freePort(),
            log);
    Map<String, String> trust =
        Map.of(
            "JWKS_URL", keycloak.jwksUrl(),
            "JWT_ISSUER", keycloak.issuer(),
            // A removed key is trusted until the cached key set expires: 60 s by default.
            "MICRONAUT_SECURITY_TOKEN_JWT_SIGNATURES_JWKS_PARTNERSHIP_CACHE_EXPIRATION", "2");
    for (Service service : List.of(Service.TRACKING, Service.SCORING, Service.NOTIFICATION)) {
      trustingKeycloak.put(service, stack.startSecondInstance(service, trust));
    }
  }

  @AfterAll
  void stopThem() throws Exception {
    stack.stopSecondInstances();
    keycloak.close();
  }

  private String signIn(String role, String agency, String... areas) throws Exception {
    String username =
        role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
    String password = keycloak.createPerson(username, role, agency, List.of(areas));
    return keycloak.token(username, password);
  }

  private int statusOf(String url, String token) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String rankings(String area) {
    return trustingKeycloak.get(Service.SCORING) + "/api/v1/rankings?area=" + area;
  }

  @Nested
  class APersonSignedInWithKeycloak {

    @Test
    void is_let_in_by_each_service_with_the_role_agency_and_areas_their_token_carries()
        throws Exception {
      String coordinator = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      String analyst = signIn("ANALYST", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      String worker = signIn("VICTIM_SAFETY_WORKER", "SOUTHAMPTON_IDVA", "SOUTHAMPTON");

      assertThat(statusOf(rankings("SOUTHAMPTON"), coordinator)).isEqualTo(200);
      assertThat(
              statusOf(
                  trustingKeycloak.get(Service.TRACKING)
                      + "/api/v1/perpetrators?name=Nobodyknownhere",
                  analyst))
          .isEqualTo(200);
      assertThat(statusOf(trustingKeycloak.get(Service.NOTIFICATION) + "/api/v1/inbox", worker))
          .isEqualTo(200);
    }

    @Test
    void is_refused_what_their_role_does_not_allow_and_areas_their_token_does_not_name()
        throws Exception {
      String worker = signIn("VICTIM_SAFETY_WORKER", "SOUTHAMPTON_IDVA", "SOUTHAMPTON");
      String coordinator = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");

      assertThat(statusOf(rankings("SOUTHAMPTON"), worker)).isEqualTo(403);
      assertThat(statusOf(rankings("PORTSMOUTH"), coordinator)).isEqualTo(403);
    }

    @Test
    void is_refused_by_a_service_that_trusts_another_issuer() throws Exception {
      String coordinator = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");

      assertThat(
              statusOf(
                  stack.url(Service.SCORING) + "/api/v1/rankings?area=SOUTHAMPTON", coordinator))
          .isEqualTo(401);
    }
  }

  @Nested
  class WhenTheRealmsSigningKeyIsRotated {

    @Test
    void a_token_signed_with_the_new_key_is_accepted_at_once_and_the_retired_keys_are_refused()
        throws Exception {
      LocalKeycloak.SigningKey old = keycloak.signingKeys().get(0);
      String beforeRotation = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      assertThat(statusOf(rankings("SOUTHAMPTON"), beforeRotation)).isEqualTo(200);

      keycloak.addSigningKey("rotated-" + UUID.randomUUID(), old.priority() + 100);
      String afterRotation = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");

      assertThat(SignedJWT.parse(afterRotation).getHeader().getKeyID()).isNotEqualTo(old.kid());
      // No waiting: a key id the service has not seen makes it fetch the key set again.
      assertThat(statusOf(rankings("SOUTHAMPTON"), afterRotation)).isEqualTo(200);

      keycloak.removeKeyProvider(old.providerId());

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> statusOf(rankings("SOUTHAMPTON"), beforeRotation) == 401);
      assertThat(statusOf(rankings("SOUTHAMPTON"), afterRotation)).isEqualTo(200);
    }
  }
}
