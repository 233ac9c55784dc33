package org.matac.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.matac.infra.DevelopmentTokenIssuer;
import org.matac.infra.LocalKafka;
import org.matac.infra.LocalPostgres;

/**
 * The whole system on one machine: PostgreSQL and Kafka from local-infrastructure, the development
 * token issuer, the three services as separate processes, each with its own database, and the
 * console in front of them. Data survives a restart unless {@code --fresh} is given.
 */
public final class LocalStack implements AutoCloseable {

  /** The services and the database each owns (the console owns none). */
  public enum Service {
    TRACKING("tracking-service", "tracking"),
    SCORING("scoring-service", "scoring"),
    NOTIFICATION("notification-service", "notification"),
    CONSOLE("console", null);

    final String module;
    final String database;

    Service(String module, String database) {
      this.module = module;
      this.database = database;
    }
  }

  private final StackSettings settings;
  // Replaced when the fault suite crashes the database or restarts the broker.
  private LocalPostgres postgres;
  private LocalKafka kafka;
  private final DevelopmentTokenIssuer issuer;
  private final Map<Service, Process> processes = new LinkedHashMap<>();
  private final Map<Service, Process> secondInstances = new LinkedHashMap<>();

  private LocalStack(
      StackSettings settings,
      LocalPostgres postgres,
      LocalKafka kafka,
      DevelopmentTokenIssuer issuer) {
    this.settings = settings;
    this.postgres = postgres;
    this.kafka = kafka;
    this.issuer = issuer;
  }

  public static LocalStack start(StackSettings settings) throws Exception {
    if (settings.fresh()) {
      LocalPostgres.stopOrphanedServer(settings.dataDirectory().resolve("postgres"));
      deleteRecursively(settings.dataDirectory());
    }
    Files.createDirectories(settings.dataDirectory().resolve("logs"));
    LocalPostgres postgres =
        LocalPostgres.start(
            settings.dataDirectory().resolve("postgres"),
            settings.postgresPort(),
            LocalPostgres.Durability.DURABLE,
            settings.walArchive());
    postgres.ensureDatabases(
        Stream.of(Service.values()).map(s -> s.database).filter(Objects::nonNull).toList());
    LocalKafka kafka =
        LocalKafka.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
    DevelopmentTokenIssuer issuer =
        DevelopmentTokenIssuer.withKeyIn(settings.signingKeyFile()).serveJwks(settings.jwksPort());
    LocalStack stack = new LocalStack(settings, postgres, kafka, issuer);
    try {
      stack.migrate();
      for (Service service : Service.values()) {
        stack.startService(service);
      }
      for (Service service : Service.values()) {
        stack.awaitHealthy(service);
      }
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /**
   * Runs each service's migrations as a step of its own ({@code java -jar <service>.jar migrate}),
   * the only processes given the database owner's credentials, and waits until all have ended.
   */
  private void migrate() throws IOException, InterruptedException {
    Map<Service, Process> steps = new LinkedHashMap<>();
    for (Service service : Service.values()) {
      if (service.database != null) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", postgres.jdbcUrl(service.database));
        environment.put("MIGRATION_DATABASE_USER", postgres.username());
        environment.put("MIGRATION_DATABASE_PASSWORD", postgres.password());
        steps.put(service, launch(service, environment, logOf(service), "migrate"));
      }
    }
    for (Map.Entry<Service, Process> step : steps.entrySet()) {
      if (!step.getValue().waitFor(5, TimeUnit.MINUTES)) {
        step.getValue().destroyForcibly();
        throw new IOException(step.getKey().module + "'s migrations did not end within 5 minutes");
      }
      if (step.getValue().exitValue() != 0) {
        throw new IOException(
            step.getKey().module + "'s migrations failed; see " + logOf(step.getKey()));
      }
    }
  }

  public void startService(Service service) throws IOException {
    processes.put(service, launch(service, environmentOf(service), logOf(service)));
  }

  /**
   * Starts another instance of {@code service} beside the first, on the first one's port plus 100,
   * against the same databases and broker, waits until it is healthy, and answers its base URL. Its
   * log is {@code <module>-2.log}.
   */
  public String startSecondInstance(Service service) throws Exception {
    return startSecondInstance(service, Map.of());
  }

  /**
   * {@link #startSecondInstance(Service)} with {@code overrides} on top of the instance's usual
   * environment: another token issuer to trust, say.
   */
  public String startSecondInstance(Service service, Map<String, String> overrides)
      throws Exception {
    int port = portOf(service) + 100;
    Map<String, String> environment = environmentOf(service);
    environment.putAll(overrides);
    environment.put(
        switch (service) {
          case TRACKING -> "TRACKING_PORT";
          case SCORING -> "SCORING_PORT";
          case NOTIFICATION -> "NOTIFICATION_PORT";
          case CONSOLE -> "CONSOLE_PORT";
        },
        Integer.toString(port));
    Path log = settings.dataDirectory().resolve("logs").resolve(service.module + "-2.log");
    Process process = launch(service, environment, log);
    secondInstances.put(service, process);
    String url = "http://localhost:" + port;
    awaitHealthy(service.module + " (second instance)", () -> process, url, log);
    return url;
  }

  /**
   * Kills an instance of {@code service} as the kernel's OOM killer or a pulled plug would
   * (SIGKILL: no shutdown hook, no transaction finished), then starts it again and waits until it
   * is healthy.
   */
  public void killAndRestart(Service service, boolean secondInstance) throws Exception {
    Process victim = secondInstance ? secondInstances.get(service) : processes.get(service);
    if (victim == null) {
      throw new IllegalStateException(service.module + " has no such instance running");
    }
    victim.destroyForcibly().waitFor();
    if (secondInstance) {
      secondInstances.remove(service);
      startSecondInstance(service);
    } else {
      startService(service);
      awaitHealthy(service);
    }
  }

  /** Stops the broker and starts it again on the same port and log, as a rolling restart does. */
  public void restartBroker() throws IOException {
    kafka.close();
    kafka = LocalKafka.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort());
  }

  /**
   * Stops PostgreSQL with an immediate shutdown (no checkpoint; every open transaction lost, as in
   * a crash) and starts it again on the same data and port: it recovers from its write-ahead log.
   */
  public void crashDatabase() throws IOException {
    postgres.crash();
    postgres =
        LocalPostgres.start(
            settings.dataDirectory().resolve("postgres"),
            settings.postgresPort(),
            LocalPostgres.Durability.DURABLE,
            settings.walArchive());
  }

  /** Stops every second instance, leaving the first of each service running. */
  public void stopSecondInstances() throws InterruptedException {
    for (Process second : secondInstances.values()) {
      stop(second);
    }
    secondInstances.clear();
  }

  private Process launch(
      Service service, Map<String, String> environment, Path log, String... arguments)
      throws IOException {
    Path jar = jarOf(service);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Stops one service as Ctrl-C would, and waits for it to exit. */
  public void stopService(Service service) throws InterruptedException {
    stop(processes.remove(service));
  }

  private static void stop(Process process) throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public void restartService(Service service) throws Exception {
    stopService(service);
    startService(service);
    awaitHealthy(service);
  }

  private Map<String, String> environmentOf(Service service) {
    Map<String, String> environment = new HashMap<>();
    environment.put("MICRONAUT_ENVIRONMENTS", "local");
    environment.put("JWKS_URL", issuer.jwksUrl());
    if (service == Service.CONSOLE) {
      environment.put("CONSOLE_PORT", Integer.toString(settings.consolePort()));
      environment.put("DEVELOPMENT_TOKENS_URL", issuer.tokensUrl());
      environment.put("TRACKING_URL", url(Service.TRACKING));
      environment.put("SCORING_URL", url(Service.SCORING));
      environment.put("NOTIFICATION_URL", url(Service.NOTIFICATION));
      return environment;
    }
    environment.put("DATABASE_URL", postgres.jdbcUrl(service.database));
    environment.put("DATABASE_USER", LocalPostgres.appUsername(service.database));
    environment.put("DATABASE_PASSWORD", LocalPostgres.appPassword(service.database));
    // The migrations ran as a step of their own: the service gets no owner credentials.
    environment.put("MATAC_MIGRATE_AT_START", "false");
    environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    // Each service connects as its own broker account, named after its database.
    LocalKafka.security(service.database)
        .forEach(
            (name, value) ->
                environment.put("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
    environment.put("TRACKING_PORT", Integer.toString(settings.trackingPort()));
    environment.put("SCORING_PORT", Integer.toString(settings.scoringPort()));
    environment.put("NOTIFICATION_PORT", Integer.toString(settings.notificationPort()));
    environment.put("CONSOLE_PUBLIC_URL", url(Service.CONSOLE));
    return environment;
  }

  private Path jarOf(Service service) throws IOException {
    Path target = settings.repositoryRoot().resolve(service.module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith(service.module + "-"))
          .filter(file -> file.getFileName().toString().endsWith(".jar"))
          .max(Comparator.comparing(Path::toString))
          .orElseThrow(() -> new IOException("No packaged jar in " + target + "; build first"));
    } catch (NoSuchFileException e) {
      throw new IOException(service.module + " is not built: run ./mvnw -DskipTests package", e);
    }
  }

  public void awaitHealthy(Service service) throws Exception {
    awaitHealthy(service.module, () -> processes.get(service), url(service), logOf(service));
  }

  private void awaitHealthy(String name, Supplier<Process> running, String url, Path log)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      Process process = running.get();
      if (process == null || !process.isAlive()) {
        throw new IllegalStateException(name + " exited during start; see " + log);
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
        last = "HTTP " + response.statusCode();
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name
            + " was not healthy within "
            + settings.startupTimeout()
            + " ("
            + last
            + "); see "
            + log);
  }

  public Path logOf(Service service) {
    return settings.dataDirectory().resolve("logs").resolve(service.module + ".log");
  }

  public String url(Service service) {
    return "http://localhost:" + portOf(service);
  }

  private int portOf(Service service) {
    return switch (service) {
      case TRACKING -> settings.trackingPort();
      case SCORING -> settings.scoringPort();
      case NOTIFICATION -> settings.notificationPort();
      case CONSOLE -> settings.consolePort();
    };
  }

  /** A database beside the services' own, created if need be, for a benchmark's baseline. */
  public Connection database(String name) throws SQLException {
    postgres.ensureDatabases(List.of(name));
    return DriverManager.getConnection(
        postgres.jdbcUrl(name), postgres.username(), postgres.password());
  }

  /** The operating-system process id of a running service, to read its memory from /proc. */
  public Optional<Long> pidOf(Service service) {
    return Optional.ofNullable(processes.get(service)).map(Process::pid);
  }

  /** The process id of a service's second instance, when one was started. */
  public Optional<Long> secondPidOf(Service service) {
    return Optional.ofNullable(secondInstances.get(service)).map(Process::pid);
  }

  /** A JDBC connection to a service's own database, for measurements made from outside it. */
  public Connection database(Service service) throws SQLException {
    return DriverManager.getConnection(
        postgres.jdbcUrl(service.database), postgres.username(), postgres.password());
  }

  /**
   * What a Kafka client needs to connect to the stack's broker as {@code account}: a partner's
   * agency code ({@link LocalKafka#PARTNER_FEEDS}), a service or {@link LocalKafka#ADMIN}.
   */
  public Map<String, Object> kafkaClient(String account) {
    return kafka.clientSettings(account);
  }

  public StackSettings settings() {
    return settings;
  }

  public LocalPostgres postgres() {
    return postgres;
  }

  public DevelopmentTokenIssuer issuer() {
    return issuer;
  }

  public String summary() {
    List<String> lines = new ArrayList<>();
    lines.add("The local stack is up.");
    for (Service service : Service.values()) {
      lines.add(
          String.format("  %-21s %s   (log: %s)", service.module, url(service), logOf(service)));
    }
    lines.add(
        "Open the console at "
            + url(Service.CONSOLE)
            + " and sign in as a synthetic user (local sign-in only).");
    lines.add(
        String.format(
            "  %-21s %s  (SASL_PLAINTEXT, SCRAM-SHA-256; a partner's user is its agency code,"
                + " e.g. HAMPSHIRE_POLICE, password %s)",
            "kafka", kafka.bootstrapServers(), LocalKafka.password("HAMPSHIRE_POLICE")));
    lines.add(
        String.format(
            "  %-21s localhost:%d  (user postgres; databases tracking, scoring, notification; fsync on)",
            "postgresql", postgres.port()));
    lines.add(String.format("  %-21s %s", "development JWKS", issuer.jwksUrl()));
    lines.add("  data directory        " + settings.dataDirectory() + " (kept; --fresh wipes it)");
    lines.add(
        "Get a token:  deploy/token.sh --sub pnc-feed --roles PARTNER_SYSTEM --agency HAMPSHIRE_POLICE");
    lines.add("Stop everything with Ctrl-C.");
    return String.join(System.lineSeparator(), lines);
  }

  @Override
  public void close() {
    List<Service> running = new ArrayList<>(processes.keySet());
    try {
      stopSecondInstances();
      for (Service service : running) {
        stopService(service);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    issuer.close();
    kafka.close();
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    StackSettings settings = StackSettings.from(System.getenv(), List.of(args));
    System.out.println(
        "Starting PostgreSQL, Kafka and the services; data in " + settings.dataDirectory());
    LocalStack stack = start(settings);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the local stack...");
                  stack.close();
                  System.out.println("Stopped.");
                },
                "local-stack-stop"));
    System.out.println(stack.summary());
    Thread.currentThread().join();
  }
}
