package org.matac.tracking.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.support.migration.MigrationStep;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * deploy/database/create-databases.sql, as a DBA runs it with psql before the first migration: the
 * databases and roles a force creates without the local launcher, then the migration step as the
 * owner, then the service's own role doing what it may and refused what it may not.
 */
@MicronautTest(transactional = false)
class DatabaseScriptTest extends TrackingServiceTestBase {

  private static final Path SCRIPT =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("deploy")
          .resolve("database")
          .resolve("create-databases.sql");

  /** A prefix of this run's own, so the shared server's other databases are left alone. */
  private final String prefix = "dba" + UUID.randomUUID().toString().substring(0, 8) + "_";

  private final Map<String, String> server = infrastructure.serviceProperties("tracking");

  private String url(String database) {
    String tracking = server.get("datasources.migrations.url");
    return tracking.substring(0, tracking.lastIndexOf('/') + 1) + database;
  }

  private static String password(String role) {
    return role + "-synthetic-password";
  }

  @BeforeAll
  void aDbaRunsTheScript() throws Exception {
    URI address = URI.create(url("postgres").substring("jdbc:".length()));
    List<String> command =
        new ArrayList<>(
            List.of(
                "psql",
                "-X",
                "-q",
                "-h",
                address.getHost(),
                "-p",
                String.valueOf(address.getPort()),
                "-U",
                server.get("datasources.migrations.username"),
                "-d",
                "postgres",
                "-v",
                "prefix=" + prefix));
    for (String service : List.of("tracking", "scoring", "notification")) {
      for (String kind : List.of("owner", "app")) {
        command.add("-v");
        command.add(service + "_" + kind + "_password=" + password(prefix + service + "_" + kind));
      }
    }
    command.addAll(List.of("-f", SCRIPT.toString()));
    ProcessBuilder psql = new ProcessBuilder(command).redirectErrorStream(true);
    psql.environment().put("PGPASSWORD", server.get("datasources.migrations.password"));
    Process run = psql.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(output).isZero();

    String tracking = prefix + "tracking";
    MigrationStep.run(
        "classpath:db/changelog/tracking.xml",
        Map.of(
            "DATABASE_URL", url(tracking),
            "MIGRATION_DATABASE_USER", tracking + "_owner",
            "MIGRATION_DATABASE_PASSWORD", password(tracking + "_owner")));
  }

  @AfterAll
  void dropTheRunsDatabasesAndRoles() throws SQLException {
    try (Connection admin =
            DriverManager.getConnection(
                url("postgres"),
                server.get("datasources.migrations.username"),
                server.get("datasources.migrations.password"));
        Statement statement = admin.createStatement()) {
      for (String service : List.of("tracking", "scoring", "notification")) {
        statement.execute("DROP DATABASE IF EXISTS " + prefix + service + " WITH (FORCE)");
        statement.execute("DROP ROLE IF EXISTS " + prefix + service + "_app");
        statement.execute("DROP ROLE IF EXISTS " + prefix + service + "_owner");
      }
    }
  }

  private Connection asTheService(String database) throws SQLException {
    String role = prefix + "tracking_app";
    return DriverManager.getConnection(url(prefix + database), role, password(role));
  }

  @Nested
  class TheServicesOwnRole {

    @Test
    void writes_the_rows_the_service_writes() throws Exception {
      try (Connection app = asTheService("tracking");
          Statement statement = app.createStatement()) {
        assertThat(
                statement.executeUpdate(
                    "INSERT INTO outbox_message (topic, message_key, payload)"
                        + " VALUES ('tracking.profile-changed.v1', 'k', '{}'::jsonb)"))
            .isEqualTo(1);
      }
    }

    @Test
    void cannot_change_the_audit_trail_or_the_tables() throws Exception {
      try (Connection app = asTheService("tracking");
          Statement statement = app.createStatement()) {
        assertThatThrownBy(() -> statement.execute("UPDATE audit_event SET actor = 'someone'"))
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> statement.execute("ALTER TABLE outbox_message ADD COLUMN x int"))
            .hasMessageContaining("must be owner");
        assertThatThrownBy(() -> statement.execute("CREATE TABLE mine (x int)"))
            .hasMessageContaining("permission denied");
      }
    }

    @Test
    void cannot_reach_another_services_database() {
      assertThatThrownBy(() -> asTheService("scoring").close())
          .hasMessageContaining("permission denied");
    }
  }
}
