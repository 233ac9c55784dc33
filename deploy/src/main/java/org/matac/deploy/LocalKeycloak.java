package org.matac.deploy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak, the sign-in provider a force may run, started from its distribution (Maven Central's
 * {@code keycloak-quarkus-dist}) on loopback with the project's realm (deploy/keycloak), for tests
 * that sign people in for real. Development mode: an in-memory-style H2 database in the
 * distribution's data folder, emptied at each start. Everything it is asked is asked over its own
 * admin REST API, as an administrator would.
 */
public final class LocalKeycloak implements AutoCloseable {

  public static final String REALM = "matac";
  private static final String ADMIN = "admin";
  private static final String ADMIN_PASSWORD = "local-keycloak-admin";

  /** A client of the tests only: never in the realm file, which allows no password grant. */
  private static final String TEST_CLIENT = "tests-password-grant";

  private final Process process;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalKeycloak(Process process, String base) {
    this.process = process;
    this.base = base;
  }

  /**
   * Starts Keycloak from {@code home} on {@code port}, with the realm of {@code realmFile}, and
   * waits until the realm answers.
   */
  public static LocalKeycloak start(Path home, Path realmFile, int port, Path log)
      throws IOException, InterruptedException {
    Path data = home.resolve("data");
    if (Files.exists(data)) {
      try (Stream<Path> files = Files.walk(data)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(data.resolve("import"));
    Files.copy(realmFile, data.resolve("import").resolve("matac-realm.json"));
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname-strict=false")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    LocalKeycloak keycloak = new LocalKeycloak(builder.start(), "http://127.0.0.1:" + port);
    keycloak.awaitRealm(Duration.ofMinutes(3), log);
    keycloak.addTestClient();
    return keycloak;
  }

  private void awaitRealm(Duration patience, Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("Keycloak exited while starting; see " + log);
      }
      try {
        if (get(issuer()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IOException("Keycloak did not serve realm " + REALM + " in time; see " + log);
  }

  public String issuer() {
    return base + "/realms/" + REALM;
  }

  public String jwksUrl() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  /**
   * Creates a person with one role, an agency and areas, as an administrator would, and answers
   * their password.
   */
  public String createPerson(String username, String role, String agency, List<String> areas)
      throws IOException, InterruptedException {
    String password = username + "-synthetic-password";
    String user =
        json(
            Map.of(
                "username",
                username,
                "enabled",
                true,
                "firstName",
                "Testy",
                "lastName",
                "McTestface",
                "email",
                username + "@matac.invalid",
                "emailVerified",
                true,
                "attributes",
                Map.of("agency", List.of(agency), "areas", areas),
                "credentials",
                List.of(Map.of("type", "password", "value", password, "temporary", false))));
    expect(201, admin("POST", "/users", user));
    String id =
        (String)
            parseArray(admin("GET", "/users?exact=true&username=" + username, null))
                .get(0)
                .get("id");
    String roleJson = admin("GET", "/roles/" + role, null).body();
    expect(204, admin("POST", "/users/" + id + "/role-mappings/realm", "[" + roleJson + "]"));
    return password;
  }

  /** An access token for the person, as the services receive it. */
  public String token(String username, String password) throws IOException, InterruptedException {
    HttpResponse<String> response =
        postForm(
            issuer() + "/protocol/openid-connect/token",
            Map.of(
                "grant_type", "password",
                "client_id", TEST_CLIENT,
                "username", username,
                "password", password,
                "scope", "openid"));
    expect(200, response);
    return (String) parse(response.body()).get("access_token");
  }

  /**
   * Adds a passive RSA key, as the first step of a rotation: published for verifying, not yet
   * signing. Answers the id of its key provider.
   */
  public String addPassiveKey(String name, long priority) throws IOException, InterruptedException {
    String realmId = (String) parse(admin("GET", "", null).body()).get("id");
    String component =
        json(
            Map.of(
                "name",
                name,
                "providerId",
                "rsa-generated",
                "providerType",
                "org.keycloak.keys.KeyProvider",
                "parentId",
                realmId,
                "config",
                Map.of(
                    "priority", List.of(Long.toString(priority)),
                    "enabled", List.of("true"),
                    "active", List.of("false"),
                    "algorithm", List.of("RS256"))));
    expect(201, admin("POST", "/components", component));
    for (Map<String, Object> provider :
        parseArray(admin("GET", "/components?type=org.keycloak.keys.KeyProvider", null))) {
      if (name.equals(provider.get("name"))) {
        return (String) provider.get("id");
      }
    }
    throw new IOException("The key provider " + name + " was not found after adding it");
  }

  /** Makes a passive key sign new tokens: the second step of a rotation. */
  @SuppressWarnings("unchecked")
  public void activate(String providerId) throws IOException, InterruptedException {
    Map<String, Object> component = parse(admin("GET", "/components/" + providerId, null).body());
    Map<String, Object> config = (Map<String, Object>) component.get("config");
    config.put("active", List.of("true"));
    expect(204, admin("PUT", "/components/" + providerId, json(component)));
  }

  /** The key ids the realm publishes for verifying its tokens (its JWKS). */
  @SuppressWarnings("unchecked")
  public List<String> publishedKeyIds() throws IOException, InterruptedException {
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>) parse(get(jwksUrl()).body()).get("keys");
    return keys.stream().map(key -> (String) key.get("kid")).toList();
  }

  /** A key the realm signs or verifies with: its id in tokens, and the provider that holds it. */
  public record SigningKey(String kid, String providerId, long priority) {}

  /** The realm's RS256 keys, the one it signs new tokens with first. */
  @SuppressWarnings("unchecked")
  public List<SigningKey> signingKeys() throws IOException, InterruptedException {
    List<Map<String, Object>> keys =
        (List<Map<String, Object>>) parse(admin("GET", "/keys", null).body()).get("keys");
    return keys.stream()
        .filter(key -> "RS256".equals(key.get("algorithm")))
        .map(
            key ->
                new SigningKey(
                    (String) key.get("kid"),
                    (String) key.get("providerId"),
                    ((Number) key.get("providerPriority")).longValue()))
        .sorted(Comparator.comparingLong(SigningKey::priority).reversed())
        .toList();
  }

  /** Removes a key provider, as an administrator retiring a key does. */
  public void removeKeyProvider(String providerId) throws IOException, InterruptedException {
    expect(204, admin("DELETE", "/components/" + providerId, null));
  }

  /**
   * Points the realm's console client at a console serving {@code consoleUrl}, with {@code secret},
   * as the partnership's administrator does when the console's address is known.
   */
  public void useConsoleAt(String consoleUrl, String secret)
      throws IOException, InterruptedException {
    String id =
        (String) parseArray(admin("GET", "/clients?clientId=matac-console", null)).get(0).get("id");
    expect(
        204,
        admin(
            "PUT",
            "/clients/" + id,
            json(
                Map.of(
                    "clientId",
                    "matac-console",
                    "secret",
                    secret,
                    "redirectUris",
                    List.of(consoleUrl + "/*"),
                    "attributes",
                    Map.of("post.logout.redirect.uris", consoleUrl + "/*")))));
  }

  private void addTestClient() throws IOException, InterruptedException {
    expect(
        201,
        admin(
            "POST",
            "/clients",
            json(
                Map.of(
                    "clientId", TEST_CLIENT,
                    "publicClient", true,
                    "directAccessGrantsEnabled", true,
                    "standardFlowEnabled", false,
                    "defaultClientScopes", List.of("basic", "matac")))));
  }

  private HttpResponse<String> admin(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + REALM + path))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String adminToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        postForm(
            base + "/realms/master/protocol/openid-connect/token",
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                ADMIN,
                "password",
                ADMIN_PASSWORD));
    expect(200, response);
    return (String) parse(response.body()).get("access_token");
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code fields} as a form, as a browser or an OAuth client does. */
  private HttpResponse<String> postForm(String url, Map<String, String> fields)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            field ->
                URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static void expect(int status, HttpResponse<String> response) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          "Keycloak answered "
              + response.statusCode()
              + " to "
              + response.request().method()
              + " "
              + response.request().uri().getPath()
              + ": "
              + response.body());
    }
  }

  private static String json(Map<String, ?> object) {
    return JSONObjectUtils.toJSONString(object);
  }

  private static Map<String, Object> parse(String json) throws IOException {
    try {
      return JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new IOException("Keycloak answered something that is not a JSON object: " + json, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parseArray(HttpResponse<String> response)
      throws IOException {
    Map<String, Object> wrapped = parse("{\"items\":" + response.body() + "}");
    return (List<Map<String, Object>>) wrapped.get("items");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
