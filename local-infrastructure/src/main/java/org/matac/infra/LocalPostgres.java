package org.matac.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL 17 server from zonky's binaries, started in this JVM's process tree.
 *
 * <p>zonky turns fsync off for speed. That is right for tests, whose data is thrown away, and wrong
 * for the local stack, whose data must survive a crash: {@link Durability} makes the choice
 * explicit at every call site.
 */
public final class LocalPostgres implements AutoCloseable {

  public enum Durability {
    /** fsync on: what the local stack uses, so that a crash cannot corrupt the data directory. */
    DURABLE,
    /** fsync off: only for throw-away test data. */
    THROWAWAY
  }

  /** Also what a server restored from this one's backup needs at least: recovery checks it. */
  public static final int MAX_CONNECTIONS = 300;

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts a server on {@code port} (0 for any free port) keeping its data in {@code
   * dataDirectory}; existing data is kept, so a restart resumes where the last run stopped.
   */
  public static LocalPostgres start(Path dataDirectory, int port, Durability durability)
      throws IOException {
    return start(dataDirectory, port, durability, Optional.empty());
  }

  /**
   * As {@link #start(Path, int, Durability)}, copying every completed WAL segment into {@code
   * walArchive} when one is given, as a force's server does for point-in-time recovery
   * (docs/operations.md, "Backup and point-in-time restore").
   */
  public static LocalPostgres start(
      Path dataDirectory, int port, Durability durability, Optional<Path> walArchive)
      throws IOException {
    stopOrphanedServer(dataDirectory);
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
            .setServerConfig("max_prepared_transactions", "0");
    if (port > 0) {
      builder.setPort(port);
    }
    if ("on".equals(System.getenv("MATAC_PG_STAT_STATEMENTS"))) {
      // For profiling a benchmark: which statements take the server's time (docs/benchmarks.md).
      builder
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track_planning", "on");
    }
    if (durability == Durability.DURABLE) {
      builder
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    if (walArchive.isPresent()) {
      Files.createDirectories(walArchive.get());
      String archive = walArchive.get().toAbsolutePath().toString();
      if (archive.contains("'") || archive.contains("\"")) {
        throw new IllegalArgumentException("A WAL archive path may not hold quotes: " + archive);
      }
      // pg_ctl hands the options to the server through a shell, hence the single quotes. Never
      // overwrite a segment already archived: a second copy means something is wrong.
      builder
          .setServerConfig("wal_level", "replica")
          .setServerConfig("archive_mode", "on")
          .setServerConfig(
              "archive_command",
              "'test ! -f \"" + archive + "/%f\" && cp %p \"" + archive + "/%f\"'");
    }
    return new LocalPostgres(builder.start(), dataDirectory);
  }

  /**
   * The folder of the server's own programs (postgres, pg_ctl), read from the running postmaster:
   * another server of the same version, such as a restored copy, starts from there.
   */
  public Path binaries() throws IOException {
    String pid = postmasterPid(dataDirectory);
    return ProcessHandle.of(Long.parseLong(pid))
        .flatMap(server -> server.info().command())
        .map(command -> Path.of(command).getParent())
        .orElseThrow(() -> new IOException("The PostgreSQL server's program cannot be found"));
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Stops a server still running on {@code dataDirectory} after its JVM died without shutting it
   * down (a kill, or Kafka halting the JVM on a fatal fault), so that the next start recovers
   * instead of failing on a locked data directory or a foreign port.
   */
  public static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
    if (!firstLine.matches("\\d+")) {
      return;
    }
    Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(firstLine));
    if (server.isEmpty()
        || !server.get().isAlive()
        || !server.get().info().command().orElse("").endsWith("postgres")) {
      return;
    }
    server.get().destroy();
    try {
      server.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
    } catch (ExecutionException | TimeoutException e) {
      server.get().destroyForcibly();
    }
  }

  /**
   * Stops this server as an immediate shutdown does (SIGQUIT to the postmaster): no checkpoint,
   * every session cut. A server started again on the same data recovers from its WAL.
   */
  public void crash() throws IOException {
    stopImmediately(dataDirectory);
    // Releases the data directory's lock in this JVM; its pg_ctl stop finds no server, which it
    // logs and survives.
    postgres.close();
  }

  private static void stopImmediately(Path dataDirectory) throws IOException {
    String pid = postmasterPid(dataDirectory);
    ProcessHandle server =
        ProcessHandle.of(Long.parseLong(pid))
            .orElseThrow(() -> new IOException("No PostgreSQL server runs as process " + pid));
    try {
      new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor();
      server.onExit().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping PostgreSQL", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("PostgreSQL did not stop on SIGQUIT", e);
    }
  }

  /** The process id the running server wrote on the first line of its lock file. */
  private static String postmasterPid(Path dataDirectory) throws IOException {
    return Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public String username() {
    return "postgres";
  }

  public String password() {
    return "postgres";
  }

  /** Creates each database that does not exist yet; one per service, as in production. */
  public void ensureDatabases(Iterable<String> databases) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      for (String database : databases) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
          throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
          if (exists.next()) {
            continue;
          }
        }
        statement.execute("CREATE DATABASE " + database);
      }
      for (String database : databases) {
        try (ResultSet exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_roles WHERE rolname = '" + appUsername(database) + "'")) {
          if (exists.next()) {
            continue;
          }
        }
        statement.execute(
            "CREATE ROLE "
                + appUsername(database)
                + " LOGIN PASSWORD '"
                + appPassword(database)
                + "'");
      }
    }
  }

  /**
   * The role a service runs as: it owns nothing, so it cannot alter tables, switch off the audit
   * guards or change the audit trail; migrations run as the owner. Grants follow the convention
   * that a database's runtime role is named {@code <database>_app}.
   */
  public static String appUsername(String database) {
    return database + "_app";
  }

  /** Local only: the stack listens on loopback and its data is synthetic. */
  public static String appPassword(String database) {
    return database + "_app_local";
  }

  /**
   * The JDBC properties a service needs to reach {@code database}, by Micronaut property name: its
   * runtime role for the service, the owner for migrations.
   */
  public Map<String, String> datasourceProperties(String database) {
    return Map.of(
        "datasources.default.url", jdbcUrl(database),
        "datasources.default.username", appUsername(database),
        "datasources.default.password", appPassword(database),
        "datasources.migrations.url", jdbcUrl(database),
        "datasources.migrations.username", username(),
        "datasources.migrations.password", password());
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
