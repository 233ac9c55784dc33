package org.matac.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.matac.deploy.LocalStack;

/**
 * What each process of the stack costs while a benchmark runs, read from /proc: CPU seconds (user
 * and system) per service instance, for PostgreSQL's processes together, and for this JVM (the
 * Kafka broker and the load generator); peak resident memory per service instance; and the audit
 * sealing lag of each service, the longest any audit row waited unsealed.
 */
final class ProcessWatch {

  /** Linux's clock ticks per second for /proc/<pid>/stat; 100 on every kernel these run on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private static final List<LocalStack.Service> SERVICES =
      List.of(
          LocalStack.Service.TRACKING, LocalStack.Service.SCORING, LocalStack.Service.NOTIFICATION);

  private final LocalStack stack;
  private final Map<String, Long> peakKb = new LinkedHashMap<>();
  private final Map<String, Double> sealingLagSeconds = new LinkedHashMap<>();
  private Map<String, Long> ticksAtStart = Map.of();

  ProcessWatch(LocalStack stack) {
    this.stack = stack;
  }

  /** Starts counting CPU from now. */
  void start() throws IOException {
    ticksAtStart = ticks();
  }

  /** Samples memory and the sealing lag; call about once a second while the run lasts. */
  void sample(Map<LocalStack.Service, Connection> databases) {
    instances()
        .forEach(
            (name, pid) ->
                status(pid, "VmHWM:").ifPresent(kb -> peakKb.merge(name, kb, Math::max)));
    databases.forEach(
        (service, connection) -> {
          try (Statement statement = connection.createStatement();
              ResultSet lag =
                  statement.executeQuery(
                      "SELECT coalesce(extract(epoch FROM clock_timestamp() - min(occurred_at)), 0)"
                          + " FROM audit_event WHERE hash IS NULL")) {
            lag.next();
            sealingLagSeconds.merge(service.name(), lag.getDouble(1), Math::max);
          } catch (Exception e) {
            // A sample missed under load changes no other figure.
          }
        });
  }

  /** Prints RESULT lines: CPU since {@link #start}, peak memory, and the longest sealing lag. */
  void report(int events) throws IOException {
    Map<String, Long> now = ticks();
    double total = 0;
    for (Map.Entry<String, Long> process : now.entrySet()) {
      double seconds =
          (process.getValue() - ticksAtStart.getOrDefault(process.getKey(), 0L)) / TICKS_PER_SECOND;
      total += seconds;
      System.out.printf(
          "RESULT cpu %s=%.1f s (%.2f ms per event)%n",
          process.getKey(), seconds, 1000 * seconds / events);
    }
    System.out.printf("RESULT cpu all=%.1f s (%.2f ms per event)%n", total, 1000 * total / events);
    peakKb.forEach(
        (name, kb) ->
            System.out.printf(
                "RESULT peak_resident_memory %s=%d MB (heap capped at 512 MB by -Xmx512m)%n",
                name, kb / 1024));
    sealingLagSeconds.forEach(
        (service, seconds) ->
            System.out.printf(
                "RESULT audit_sealing_lag_max %s=%.0f ms (longest an audit row waited unsealed,"
                    + " from its act)%n",
                service, seconds * 1000));
  }

  /** Prints each service database's size on disk and its bytes per event, for sizing. */
  static void reportDatabaseSizes(LocalStack stack, int events) {
    for (LocalStack.Service service : SERVICES) {
      try (Connection connection = stack.database(service);
          Statement statement = connection.createStatement();
          ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
        size.next();
        long bytes = size.getLong(1);
        System.out.printf(
            "RESULT database_size %s=%d MB (%.1f kB per event; tables and indexes, WAL not counted)%n",
            service, bytes / (1024 * 1024), bytes / 1024.0 / events);
      } catch (Exception e) {
        System.out.println("RESULT database_size " + service + " not available: " + e);
      }
    }
  }

  /**
   * With MATAC_PG_STAT_STATEMENTS=on (the server then loads pg_stat_statements), prints each
   * database's ten statements that took the most of the server's time.
   */
  static void reportStatements(LocalStack stack) {
    if (!"on".equals(System.getenv("MATAC_PG_STAT_STATEMENTS"))) {
      return;
    }
    for (LocalStack.Service service : SERVICES) {
      try (Connection connection = stack.database(service);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        try (ResultSet top =
            statement.executeQuery(
                "SELECT calls, round(total_exec_time) AS ms, round(total_plan_time) AS plan_ms,"
                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query"
                    + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                    + " WHERE datname = current_database())"
                    + " ORDER BY total_exec_time + total_plan_time DESC LIMIT 10")) {
          while (top.next()) {
            System.out.printf(
                "PROFILE %s calls=%d exec_ms=%d plan_ms=%d %s%n",
                service,
                top.getLong("calls"),
                top.getLong("ms"),
                top.getLong("plan_ms"),
                top.getString("query"));
          }
        }
      } catch (Exception e) {
        System.out.println("PROFILE " + service + " not available: " + e.getMessage());
      }
    }
  }

  /** Each service instance's process id, by a name such as TRACKING or TRACKING-2. */
  private Map<String, Long> instances() {
    Map<String, Long> instances = new LinkedHashMap<>();
    for (LocalStack.Service service : SERVICES) {
      stack.pidOf(service).ifPresent(pid -> instances.put(service.name(), pid));
      stack.secondPidOf(service).ifPresent(pid -> instances.put(service.name() + "-2", pid));
    }
    return instances;
  }

  private Map<String, Long> ticks() throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    instances().forEach((name, pid) -> cpuTicks(pid).ifPresent(t -> ticks.put(name, t)));
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.toList()) {
        String name = process.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && "postgres".equals(comm(process))) {
          long pid = Long.parseLong(name);
          cpuTicks(pid).ifPresent(t -> ticks.merge(postgresRole(process), t, Long::sum));
        }
      }
    }
    cpuTicks(ProcessHandle.current().pid()).ifPresent(t -> ticks.put("KAFKA_AND_LOAD", t));
    return ticks;
  }

  /**
   * Which part of PostgreSQL a process is, from its title: the backends serving a database's
   * service ("postgres: tracking_app tracking ..."), autovacuum, or the server's own background
   * work (the postmaster, whose count includes backends that have ended, the WAL writer, the
   * checkpointer).
   */
  private static String postgresRole(Path process) {
    String title;
    try {
      title = Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "POSTGRESQL other";
    }
    for (LocalStack.Service service : SERVICES) {
      String database = service.name().toLowerCase(Locale.ROOT);
      if (title.startsWith("postgres: " + database + "_app " + database)) {
        return "POSTGRESQL " + database;
      }
    }
    if (title.contains("autovacuum")) {
      return "POSTGRESQL autovacuum";
    }
    return "POSTGRESQL server";
  }

  private static String comm(Path process) {
    try {
      return Files.readString(process.resolve("comm")).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * utime + stime of a process, and of its children that have ended (PostgreSQL's backends end with
   * their connections); fields 14 to 17 of /proc/<pid>/stat, counted after the command name.
   */
  private static Optional<Long> cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Optional.of(
          Long.parseLong(fields[11])
              + Long.parseLong(fields[12])
              + Long.parseLong(fields[13])
              + Long.parseLong(fields[14]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> status(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException e) {
      // The process may be gone between listing and reading; the last sample stands.
    }
    return Optional.empty();
  }
}
