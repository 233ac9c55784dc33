package org.matac.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.matac.testing.ServiceTestBase;

/** Runs notification-service against the shared real PostgreSQL and Kafka. */
public abstract class NotificationServiceTestBase extends ServiceTestBase {

  @Inject protected ObjectMapper json;

  @Override
  protected String databaseName() {
    return "notification";
  }

  /** A victim-safety worker of an IDVA service in Southampton. */
  protected String workerToken(String workerId) {
    return token(workerId, "VICTIM_SAFETY_WORKER", "SOUTHAMPTON_IDVA", "SOUTHAMPTON");
  }

  /** The items of a list the worker reads: their inbox or their caseload, say. */
  protected JsonNode items(String path, String workerId) {
    try {
      return json.readTree(body(get(path, workerToken(workerId)))).path("items");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
