package org.matac.tracking;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.matac.testing.TestInfrastructure;
import org.matac.testing.TopicProbe;

/** Runs tracking-service against the shared real PostgreSQL and Kafka. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrackingServiceTestBase implements TestPropertyProvider {

  protected static final String POLICE = "HAMPSHIRE_POLICE";

  @Inject
  @Client("/")
  protected HttpClient http;

  protected final TestInfrastructure infrastructure = TestInfrastructure.get();
  protected final TopicProbe topics = new TopicProbe(infrastructure.kafkaBootstrapServers());

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(infrastructure.serviceProperties("tracking"));
    properties.put("matac.outbox.poll-interval", "20ms");
    return properties;
  }

  protected String partnerToken(String agency) {
    return infrastructure.token("system-" + agency, List.of("PARTNER_SYSTEM"), agency, List.of());
  }

  protected String analystToken() {
    return infrastructure.token("analyst-1", List.of("ANALYST"), "HAMPSHIRE_POLICE", List.of());
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

  protected HttpResponse<String> postEvent(String json, String token) {
    var request =
        HttpRequest.POST("/api/v1/events", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    return exchange(token == null ? request : request.bearerAuth(token));
  }

  protected String body(HttpResponse<String> response) {
    return response.getBody(String.class).orElse("");
  }
}
