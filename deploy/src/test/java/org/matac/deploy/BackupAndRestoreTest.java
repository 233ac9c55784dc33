package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.matac.infra.LocalPostgres;
import org.matac.testing.Envelopes;

/**
 * A backup is only as good as a restore that was tried. Tracking's database is backed up while the
 * stack runs, events arrive before and after a chosen instant, and the server is restored from the
 * base backup and the archived WAL to that instant: a new server that holds what was committed
 * before it and nothing after, whose audit chain tracking itself verifies as intact.
 */
@ExtendWith(RunningStack.class)
class BackupAndRestoreTest {

  @TempDir Path directory;

  private final LocalStack stack = RunningStack.stack();
  private final Api api = new Api();

  @AfterEach
  void stopTheRestoredInstance() throws InterruptedException {
    stack.stopSecondInstances();
  }

  @Test
  void a_server_restored_to_an_instant_holds_what_came_before_it_and_its_audit_chain_verifies()
      throws Exception {
    LocalPostgres postgres = stack.postgres();
    Path archive = stack.settings().walArchive().orElseThrow();
    Path backup = directory.resolve("base-backup");
    try (Connection server = stack.database(LocalStack.Service.TRACKING)) {
      PointInTimeRecovery.baseBackup(server, postgres.dataDirectory(), backup);
    }
    String before = sendAnIncident();
    Instant target = serverTime();
    String after = sendAnIncident();
    awaitTheCurrentWalArchived(archive);

    try (PointInTimeRecovery.RestoredServer restored =
        PointInTimeRecovery.restore(
            postgres.binaries(), backup, archive, target, RunningStack.freePort())) {
      try (Connection tracking =
          DriverManager.getConnection(
              restored.jdbcUrl("tracking"), postgres.username(), postgres.password())) {
        assertThat(received(tracking, before)).as("an event before the instant").isTrue();
        assertThat(received(tracking, after)).as("an event after the instant").isFalse();
      }
      String restoredTracking =
          stack.startSecondInstance(
              LocalStack.Service.TRACKING,
              Map.of(
                  "DATABASE_URL", restored.jdbcUrl("tracking"),
                  // Kept off the stack's broker: it must not take the live stack's messages.
                  "KAFKA_BOOTSTRAP_SERVERS", "localhost:1",
                  "KAFKA_HEALTH_ENABLED", "false"));
      JsonNode verification = auditVerification(restoredTracking);
      assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
      assertThat(verification.path("rowsChecked").asLong()).isPositive();
    }
  }

  private String sendAnIncident() {
    Envelopes.Incident incident = Envelopes.incident();
    api.send(RunningStack.partner("HAMPSHIRE_POLICE"), incident.json());
    return incident.eventId;
  }

  private Instant serverTime() throws Exception {
    try (Connection server = stack.database(LocalStack.Service.TRACKING);
        Statement statement = server.createStatement();
        ResultSet now = statement.executeQuery("SELECT clock_timestamp()")) {
      now.next();
      return now.getTimestamp(1).toInstant();
    }
  }

  /** Closes the WAL segment holding the last commits, and waits until the archive has it. */
  private void awaitTheCurrentWalArchived(Path archive) throws Exception {
    String segment;
    try (Connection server = stack.database(LocalStack.Service.TRACKING);
        Statement statement = server.createStatement();
        ResultSet switched = statement.executeQuery("SELECT pg_walfile_name(pg_switch_wal())")) {
      switched.next();
      segment = switched.getString(1);
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(archive.resolve(segment)));
  }

  private static boolean received(Connection tracking, String eventId) throws Exception {
    try (PreparedStatement query =
        tracking.prepareStatement("SELECT count(*) FROM intake_event WHERE event_id = ?")) {
      query.setObject(1, UUID.fromString(eventId));
      try (ResultSet count = query.executeQuery()) {
        count.next();
        return count.getLong(1) == 1;
      }
    }
  }

  private JsonNode auditVerification(String trackingUrl) throws Exception {
    String auditor = RunningStack.token("auditor-1", "AUDITOR", "HAMPSHIRE_POLICE", List.of());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(trackingUrl + "/api/v1/audit/verification"))
                    .header("Authorization", "Bearer " + auditor)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
