package org.matac.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.matac.events.access.Roles;

/**
 * Runs one service under test against the shared real PostgreSQL (in its own database) and Kafka,
 * with tokens from the issuer it trusts and plain helpers to call it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestBase implements TestPropertyProvider {

  @Inject
  @Client("/")
  protected HttpClient http;

  protected final TestInfrastructure infrastructure = TestInfrastructure.get();
  protected final TopicProbe topics =
      new TopicProbe(infrastructure.kafkaClient(TestInfrastructure.KAFKA_ADMIN));

  /** The database the service under test owns on the shared server. */
  protected abstract String databaseName();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        new HashMap<>(infrastructure.serviceProperties(databaseName()));
    properties.put("matac.outbox.poll-interval", "20ms");
    // Tests send scenarios as fast as they can; the limit itself is tested on its own.
    properties.put("matac.rate-limit.requests-per-second", "100000");
    properties.put("matac.rate-limit.burst", "100000");
    // Any free port: a suite must run beside a local stack or a benchmark on the default ones.
    properties.put("micronaut.server.port", "-1");
    return properties;
  }

  protected String token(String subject, String role, String agency, String... areas) {
    return infrastructure.token(subject, List.of(role), agency, List.of(areas));
  }

  protected String partnerToken(String agency) {
    return token("system-" + agency, Roles.PARTNER_SYSTEM, agency);
  }

  protected String analystToken() {
    return token("analyst-1", Roles.ANALYST, "HAMPSHIRE_POLICE");
  }

  /** Sends a request and answers the response whatever its status, with its body as text. */
  protected HttpResponse<String> exchange(HttpRequest<?> request) {
    try {
      return http.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
      return response;
    }
  }

  protected HttpResponse<String> get(String path, String token) {
    return exchange(HttpRequest.GET(path).bearerAuth(token));
  }

  /**
   * A connection to the service's database as one of its datasources: "default" is the role the
   * service runs as, "migrations" the owner that migrations use.
   */
  protected Connection connectAs(String datasource) throws SQLException {
    Map<String, String> properties = infrastructure.serviceProperties(databaseName());
    return DriverManager.getConnection(
        properties.get("datasources." + datasource + ".url"),
        properties.get("datasources." + datasource + ".username"),
        properties.get("datasources." + datasource + ".password"));
  }

  /** The single number {@code query} answers, read as the service's own database role. */
  protected long countOf(String query, Object... parameters) throws SQLException {
    try (Connection connection = connectAs("default");
        PreparedStatement statement = connection.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** The service's /prometheus, read as a scraper reads it (no token). */
  protected PrometheusText scrape() {
    HttpResponse<String> response = exchange(HttpRequest.GET("/prometheus"));
    if (response.code() != 200) {
      throw new AssertionError("/prometheus answered " + response.code());
    }
    return PrometheusText.parse(body(response));
  }

  protected String body(HttpResponse<String> response) {
    return response.getBody(String.class).orElse("");
  }
}
