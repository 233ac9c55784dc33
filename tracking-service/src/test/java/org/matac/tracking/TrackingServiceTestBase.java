package org.matac.tracking;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.matac.testing.ServiceTestBase;

/** Runs tracking-service against the shared real PostgreSQL and Kafka. */
public abstract class TrackingServiceTestBase extends ServiceTestBase {

  protected static final String POLICE = "HAMPSHIRE_POLICE";

  @Override
  protected String databaseName() {
    return "tracking";
  }

  protected HttpResponse<String> postEvent(String json, String token) {
    var request =
        HttpRequest.POST("/api/v1/events", json).contentType(MediaType.APPLICATION_JSON_TYPE);
    return exchange(token == null ? request : request.bearerAuth(token));
  }
}
