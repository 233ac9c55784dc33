package org.matac.console.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partnership's OpenID Connect provider, as the console signs people in through it: the
 * authorization-code flow with PKCE, as a confidential client. Its endpoints come from the
 * provider's discovery document, read once. Present only where a client id is configured.
 */
@Singleton
@Requires(property = "matac.console.sign-in.client-id", pattern = ".+")
public class OpenIdProvider {

  /** What the provider answers for a code: the token the services take, and how long it lasts. */
  public record Tokens(String accessToken, Duration lifetime) {}

  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile JsonNode discovery;

  public OpenIdProvider(
      @Value("${matac.security.issuer}") String issuer,
      @Value("${matac.console.sign-in.client-id}") String clientId,
      @Value("${matac.console.sign-in.client-secret}") String clientSecret,
      ObjectMapper json) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.json = json;
  }

  /** Where to send the browser to sign in, carrying the request's state and PKCE challenge. */
  public URI authorizationUri(String redirectUri, String state, String codeChallenge) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", "openid");
    query.put("state", state);
    query.put("code_challenge", codeChallenge);
    query.put("code_challenge_method", "S256");
    return URI.create(endpoint("authorization_endpoint") + "?" + FormBody.of(query));
  }

  /** Exchanges the code the provider returned for the person's access token. */
  public Tokens exchange(String code, String redirectUri, String codeVerifier) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirectUri);
    fields.put("code_verifier", codeVerifier);
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    JsonNode answer =
        call(
            HttpRequest.newBuilder(URI.create(endpoint("token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormBody.of(fields))));
    String token = answer.path("access_token").asText("");
    if (token.isEmpty()) {
      throw new SignInFailed("the provider answered without an access token");
    }
    return new Tokens(token, Duration.ofSeconds(answer.path("expires_in").asLong(300)));
  }

  /** Where to send the browser to end the provider's session too, and to come back after. */
  public URI signOutUri(String returnTo) {
    String endSession = endpoint("end_session_endpoint");
    return URI.create(
        endSession
            + "?"
            + FormBody.of(Map.of("client_id", clientId, "post_logout_redirect_uri", returnTo)));
  }

  private String endpoint(String name) {
    JsonNode document = discovery;
    if (document == null) {
      document =
          call(
              HttpRequest.newBuilder(
                      URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"))
                  .GET());
      discovery = document;
    }
    String value = document.path(name).asText("");
    if (value.isEmpty()) {
      throw new SignInFailed("the provider's discovery document names no " + name);
    }
    return value;
  }

  private JsonNode call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        // The body may describe the code or the client; it is not shown to the person.
        throw new SignInFailed("the provider answered " + answer.statusCode());
      }
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new SignInFailed("the provider did not answer (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignInFailed("interrupted while asking the provider");
    }
  }

  /** Signing in through the provider could not be completed; why is for the log, not the page. */
  public static final class SignInFailed extends RuntimeException {
    public SignInFailed(String why) {
      super(why);
    }
  }
}
