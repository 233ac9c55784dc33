package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * The intake consumer while its database refuses it: valid records wait for it, they are never
 * dead-lettered, and they are recorded once it is back. The outage is real: the service's role may
 * not log in and its open sessions are ended.
 */
@MicronautTest(transactional = false)
class DatabaseOutageTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    // A pool that gives up on a connection within a second: the old consumer dead-lettered a
    // record after about four of these and three seconds of pauses.
    properties.put("datasources.default.connection-timeout", "1000");
    return properties;
  }

  private String serviceRole() {
    return infrastructure.serviceProperties(databaseName()).get("datasources.default.username");
  }

  private void asOwner(String statement) throws SQLException {
    try (Connection owner = connectAs("migrations")) {
      owner.createStatement().execute(statement);
    }
  }

  private void refuseTheService() throws SQLException {
    asOwner("ALTER ROLE " + serviceRole() + " NOLOGIN");
    asOwner(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
            + serviceRole()
            + "'");
  }

  @AfterEach
  void letTheServiceBackIn() throws SQLException {
    asOwner("ALTER ROLE " + serviceRole() + " LOGIN");
  }

  private int profilesOf(String sourcePersonId) throws Exception {
    var response =
        exchange(
            HttpRequest.GET(
                    "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId=" + sourcePersonId)
                .bearerAuth(analystToken()));
    return response.code() == 200 ? json.readTree(body(response)).path("items").size() : -1;
  }

  @Nested
  class AValidRecordSentDuringTheOutage {

    @Test
    void waits_without_being_dead_lettered_and_is_recorded_once_the_database_is_back()
        throws Exception {
      var incident = Envelopes.incident();
      refuseTheService();

      topics.send(Topics.POLICE_INTAKE, incident.sourcePersonId, incident.json());

      await()
          .during(Duration.ofSeconds(15))
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  topics.readAll(Topics.INTAKE_DEAD_LETTER, Duration.ofMillis(500)).stream()
                      .noneMatch(
                          letter ->
                              letter.value() != null && letter.value().contains(incident.eventId)));
      letTheServiceBackIn();
      await().atMost(Duration.ofSeconds(60)).until(() -> profilesOf(incident.sourcePersonId) == 1);
      assertThat(
              topics.readAll(Topics.INTAKE_DEAD_LETTER, Duration.ofSeconds(2)).stream()
                  .filter(letter -> letter.value() != null)
                  .noneMatch(letter -> letter.value().contains(incident.eventId)))
          .isTrue();
    }
  }
}
