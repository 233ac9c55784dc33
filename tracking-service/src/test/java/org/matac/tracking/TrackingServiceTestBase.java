package org.matac.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.matac.testing.ServiceTestBase;

/** Runs tracking-service against the shared real PostgreSQL and Kafka. */
public abstract class TrackingServiceTestBase extends ServiceTestBase {

  protected static final String POLICE = "HAMPSHIRE_POLICE";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected String databaseName() {
    return "tracking";
  }

  /**
   * The id of the profile the police's {@code sourcePersonId} belongs to, as an analyst finds it.
   */
  protected String perpetratorIdOf(String sourcePersonId) throws Exception {
    return JSON.readTree(
            body(
                get(
                    "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=" + sourcePersonId,
                    analystToken())))
        .path("items")
        .get(0)
        .path("id")
        .asText();
  }

  protected HttpResponse<String> postEvent(String json, String token) {
    var request =
        HttpRequest.POST("/api/v1/events", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    return exchange(token == null ? request : request.bearerAuth(token));
  }
}
