package org.matac.console.backends;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Signs a tester in as a synthetic user through the local stack's development issuer. It exists
 * only in the local environment: elsewhere there is no such bean, and the sign-in page offers only
 * the partnership's own identity provider.
 */
@Singleton
@Requires(env = "local")
@Requires(property = "matac.console.development-sign-in.tokens-url")
public class DevelopmentSignIn {

  public static final Duration LIFETIME = Duration.ofHours(8);

  private final URI tokensUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public DevelopmentSignIn(
      @Value("${matac.console.development-sign-in.tokens-url}") String tokensUrl) {
    this.tokensUrl = URI.create(tokensUrl);
  }

  public String tokenFor(String subject, String role, String agency, List<String> areas) {
    String form =
        FormBody.of(
            Map.of(
                "sub", subject,
                "roles", role,
                "agency", agency,
                "areas", String.join(",", areas)));
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(tokensUrl)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "The development issuer refused the sign-in: " + answer.body());
      }
      return answer.body();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The development issuer at " + tokensUrl + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while signing in", e);
    }
  }
}
