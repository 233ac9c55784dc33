package org.matac.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local stack keeps its data and which ports it uses: every value from the environment,
 * with the defaults the README documents.
 */
public record StackSettings(
    Path dataDirectory,
    boolean fresh,
    Path repositoryRoot,
    int postgresPort,
    int kafkaPort,
    int jwksPort,
    int trackingPort,
    int scoringPort,
    int notificationPort,
    int consolePort,
    Duration startupTimeout,
    boolean archiveWal) {

  public static StackSettings from(Map<String, String> environment, List<String> arguments) {
    Path root = Path.of(environment.getOrDefault("MATAC_REPOSITORY_ROOT", ".")).toAbsolutePath();
    return new StackSettings(
        Path.of(environment.getOrDefault("MATAC_DATA_DIR", root.resolve(".local-data").toString()))
            .toAbsolutePath(),
        arguments.contains("--fresh"),
        root,
        port(environment, "POSTGRES_PORT", 15432),
        port(environment, "KAFKA_PORT", 9092),
        port(environment, "JWKS_PORT", 8090),
        port(environment, "TRACKING_PORT", 8081),
        port(environment, "SCORING_PORT", 8082),
        port(environment, "NOTIFICATION_PORT", 8083),
        port(environment, "CONSOLE_PORT", 8080),
        Duration.ofSeconds(
            Long.parseLong(environment.getOrDefault("STARTUP_TIMEOUT_SECONDS", "120"))),
        "on".equals(environment.get("MATAC_WAL_ARCHIVE")));
  }

  private static int port(Map<String, String> environment, String name, int fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
    }
  }

  /**
   * Where PostgreSQL copies its completed WAL segments when {@code MATAC_WAL_ARCHIVE=on}: off by
   * default, since a million-event benchmark would archive gigabytes.
   */
  public Optional<Path> walArchive() {
    return archiveWal ? Optional.of(dataDirectory.resolve("wal-archive")) : Optional.empty();
  }

  public Path signingKeyFile() {
    return dataDirectory.resolve("dev-issuer").resolve("signing-key.json");
  }
}
