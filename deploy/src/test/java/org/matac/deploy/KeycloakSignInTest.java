package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final String CONSOLE_SECRET = "console-client-synthetic-secret";
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

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
    // The console's second instance listens on the first one's port plus 100.
    String consoleUrl =
        "http://localhost:" + (URI.create(stack.url(Service.CONSOLE)).getPort() + 100);
    keycloak.useConsoleAt(consoleUrl, CONSOLE_SECRET);
    Map<String, String> console = new HashMap<>(trust);
    console.put("CONSOLE_OIDC_CLIENT_ID", "matac-console");
    console.put("CONSOLE_OIDC_CLIENT_SECRET", CONSOLE_SECRET);
    console.put("CONSOLE_PUBLIC_URL", consoleUrl);
    console.put("TRACKING_URL", trustingKeycloak.get(Service.TRACKING));
    console.put("SCORING_URL", trustingKeycloak.get(Service.SCORING));
    console.put("NOTIFICATION_URL", trustingKeycloak.get(Service.NOTIFICATION));
    trustingKeycloak.put(Service.CONSOLE, stack.startSecondInstance(Service.CONSOLE, console));
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
  class SigningInToTheConsole {

    /**
     * A browser: it keeps each site's cookies and follows no redirect by itself. Like a browser, it
     * counts loopback addresses as secure and sends them their Secure cookies over http, which
     * Java's cookie manager alone would not (Keycloak marks its sign-in cookies Secure).
     */
    private final HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(new LoopbackIsSecure(), CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> visit(String url) throws Exception {
      return browser.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String url, String form) throws Exception {
      return browser.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private String console(String path) {
      return trustingKeycloak.get(Service.CONSOLE) + path;
    }

    private static String redirect(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.uri().toString()).isIn(302, 303);
      return response.headers().firstValue("Location").orElseThrow();
    }

    private static String found(Pattern pattern, String page) {
      Matcher match = pattern.matcher(page);
      assertThat(match.find()).as(pattern.pattern()).isTrue();
      return match.group(1).replace("&amp;", "&");
    }

    @Test
    void takes_a_person_through_the_provider_to_their_start_page_and_signs_them_out_of_both()
        throws Exception {
      String username = "coordinator-" + UUID.randomUUID().toString().substring(0, 8);
      String password =
          keycloak.createPerson(
              username, "MATAC_COORDINATOR", "HAMPSHIRE_POLICE", List.of("SOUTHAMPTON"));

      assertThat(visit(console("/sign-in")).body())
          .contains("Sign in with your organisation")
          .doesNotContain("name=\"role\"");
      String toProvider = redirect(visit(console("/sign-in/start")));
      assertThat(toProvider).startsWith(keycloak.issuer()).contains("code_challenge=");
      String loginForm = found(LOGIN_FORM, visit(toProvider).body());
      String back =
          redirect(
              submit(
                  loginForm, "username=" + username + "&password=" + password + "&credentialId="));
      assertThat(back).startsWith(console("/sign-in/callback"));
      HttpResponse<String> signedIn = visit(back);
      assertThat(signedIn.statusCode()).isEqualTo(200);
      assertThat(signedIn.body()).contains("You are signed in");

      String startPage = redirect(visit(console("/")));
      HttpResponse<String> start = visit(console(startPage));
      assertThat(start.statusCode()).isEqualTo(200);
      assertThat(start.body()).contains("Sign out");

      String toProviderSignOut =
          redirect(submit(console("/sign-out"), "csrfToken=" + found(FORM_TOKEN, start.body())));
      assertThat(toProviderSignOut)
          .startsWith(keycloak.issuer() + "/protocol/openid-connect/logout")
          .contains("client_id=matac-console");
      assertThat(redirect(visit(console("/")))).contains("/sign-in");
    }

    @Test
    void refuses_a_return_from_the_provider_it_did_not_send_there() throws Exception {
      HttpResponse<String> forged = visit(console("/sign-in/callback?code=stolen&state=forged"));

      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(forged.body()).contains("Sign-in was not completed");
    }
  }

  @Nested
  class WhenTheRealmsSigningKeyIsRotated {

    @Test
    void in_the_documented_three_steps_new_tokens_are_accepted_and_the_old_keys_refused()
        throws Exception {
      LocalKeycloak.SigningKey old = keycloak.signingKeys().get(0);
      String beforeRotation = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      assertThat(statusOf(rankings("SOUTHAMPTON"), beforeRotation)).isEqualTo(200);

      // 1. A passive key is published for verifying, and tokens are still signed with the old one.
      String rotated = keycloak.addPassiveKey("rotated-" + UUID.randomUUID(), old.priority() + 100);
      String newKid =
          keycloak.signingKeys().stream()
              .filter(key -> key.providerId().equals(rotated))
              .findFirst()
              .orElseThrow()
              .kid();
      assertThat(keycloak.publishedKeyIds()).contains(newKid, old.kid());
      String duringRotation = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      assertThat(SignedJWT.parse(duringRotation).getHeader().getKeyID()).isEqualTo(old.kid());

      // 2. Activated, it signs new tokens; the services trust it once their cached key set has
      // expired (2 s here, 60 s by default): micronaut-security 4.15.1 does not fetch the set
      // again for an unknown key id, which is why step 1 comes first.
      keycloak.activate(rotated);
      String afterRotation = signIn("MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON");
      assertThat(SignedJWT.parse(afterRotation).getHeader().getKeyID()).isEqualTo(newKid);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> statusOf(rankings("SOUTHAMPTON"), afterRotation) == 200);

      // 3. The old key removed, tokens it signed are refused; the new ones still work.
      keycloak.removeKeyProvider(old.providerId());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> statusOf(rankings("SOUTHAMPTON"), beforeRotation) == 401);
      assertThat(statusOf(rankings("SOUTHAMPTON"), afterRotation)).isEqualTo(200);
    }
  }

  /** Cookies as a browser keeps them for loopback hosts: their Secure flag does not need https. */
  private static final class LoopbackIsSecure implements CookieStore {
    private final CookieStore cookies = new CookieManager().getCookieStore();

    @Override
    public void add(URI uri, HttpCookie cookie) {
      if (uri.getHost().equals("127.0.0.1") || uri.getHost().equals("localhost")) {
        cookie.setSecure(false);
      }
      cookies.add(uri, cookie);
    }

    @Override
    public List<HttpCookie> get(URI uri) {
      return cookies.get(uri);
    }

    @Override
    public List<HttpCookie> getCookies() {
      return cookies.getCookies();
    }

    @Override
    public List<URI> getURIs() {
      return cookies.getURIs();
    }

    @Override
    public boolean remove(URI uri, HttpCookie cookie) {
      return cookies.remove(uri, cookie);
    }

    @Override
    public boolean removeAll() {
      return cookies.removeAll();
    }
  }
}
