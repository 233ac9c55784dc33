package org.matac.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.matac.infra.DevelopmentTokenIssuer;
import org.matac.infra.LocalKafka;
import org.matac.infra.LocalPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one place tests get their PostgreSQL, Kafka and token issuer. Started once per JVM and shared
 * by every test class; each service gets its own database on the shared server.
 *
 * <p>Where a Docker engine answers, the servers run in Testcontainers; where none does (every
 * machine of this project today, CI included) they are the embedded servers of
 * local-infrastructure. {@code -Dmatac.test.infrastructure=embedded|containers} forces a choice.
 */
public final class TestInfrastructure {

  private static volatile TestInfrastructure instance;

  /** The broker account of test harnesses (probes, admin clients): it may do anything. */
  public static final String KAFKA_ADMIN = LocalKafka.ADMIN;

  private final Database database;
  private final Function<String, Map<String, Object>> kafkaClients;
  private final Runnable stopKafka;
  private final DevelopmentTokenIssuer issuer;

  private TestInfrastructure(
      Database database,
      Function<String, Map<String, Object>> kafkaClients,
      Runnable stopKafka,
      DevelopmentTokenIssuer issuer) {
    this.database = database;
    this.kafkaClients = kafkaClients;
    this.stopKafka = stopKafka;
    this.issuer = issuer;
  }

  public static TestInfrastructure get() {
    if (instance == null) {
      synchronized (TestInfrastructure.class) {
        if (instance == null) {
          instance = start();
        }
      }
    }
    return instance;
  }

  private static TestInfrastructure start() {
    try {
      DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withEphemeralKey().serveJwks(0);
      TestInfrastructure started =
          useContainers() ? startContainers(issuer) : startEmbedded(issuer);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-infrastructure-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the test infrastructure failed", e);
    }
  }

  private static boolean useContainers() {
    String choice = System.getProperty("matac.test.infrastructure", "auto");
    return switch (choice) {
      case "embedded" -> false;
      case "containers" -> true;
      default -> dockerAnswers();
    };
  }

  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static TestInfrastructure startEmbedded(DevelopmentTokenIssuer issuer)
      throws IOException {
    Path root = Files.createTempDirectory("matac-test-");
    LocalPostgres postgres =
        LocalPostgres.start(root.resolve("postgres"), 0, LocalPostgres.Durability.THROWAWAY);
    LocalKafka kafka = LocalKafka.start(root.resolve("kafka"), 0);
    Database database =
        new Database() {
          @Override
          public Map<String, String> propertiesFor(String name) {
            try {
              postgres.ensureDatabases(List.of(name));
            } catch (SQLException e) {
              throw new IllegalStateException("Creating database " + name + " failed", e);
            }
            return postgres.datasourceProperties(name);
          }

          @Override
          public void stop() {
            try {
              postgres.close();
            } catch (IOException ignored) {
              // The JVM is exiting; the temporary directory goes with it.
            }
          }
        };
    return new TestInfrastructure(database, kafka::clientSettings, kafka::close, issuer);
  }

  private static TestInfrastructure startContainers(DevelopmentTokenIssuer issuer) {
    PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:17-alpine");
    postgres.start();
    KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    kafka.start();
    Database database =
        new Database() {
          @Override
          public Map<String, String> propertiesFor(String name) {
            try (var connection = postgres.createConnection("");
                var statement = connection.createStatement()) {
              var exists =
                  statement.executeQuery(
                      "SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
              if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
              }
              var role =
                  statement.executeQuery(
                      "SELECT 1 FROM pg_roles WHERE rolname = '"
                          + LocalPostgres.appUsername(name)
                          + "'");
              if (!role.next()) {
                statement.execute(
                    "CREATE ROLE "
                        + LocalPostgres.appUsername(name)
                        + " LOGIN PASSWORD '"
                        + LocalPostgres.appPassword(name)
                        + "'");
              }
            } catch (SQLException e) {
              throw new IllegalStateException("Creating database " + name + " failed", e);
            }
            String url =
                postgres.getJdbcUrl().replace("/" + postgres.getDatabaseName(), "/" + name);
            return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", LocalPostgres.appUsername(name),
                "datasources.default.password", LocalPostgres.appPassword(name),
                "datasources.migrations.url", url,
                "datasources.migrations.username", postgres.getUsername(),
                "datasources.migrations.password", postgres.getPassword());
          }

          @Override
          public void stop() {
            postgres.stop();
          }
        };
    // The container's broker has no accounts: every client connects without credentials.
    return new TestInfrastructure(
        database,
        account -> Map.of("bootstrap.servers", kafka.getBootstrapServers()),
        kafka::stop,
        issuer);
  }

  private void stop() {
    issuer.close();
    stopKafka.run();
    database.stop();
  }

  /**
   * The configuration a service needs to run against this infrastructure with its own database and
   * its own broker account (both named after the service): hand it to Micronaut as test properties.
   */
  public Map<String, String> serviceProperties(String service) {
    Map<String, String> properties = new HashMap<>(database.propertiesFor(service));
    kafkaClient(service)
        .forEach((name, value) -> properties.put("kafka." + name, String.valueOf(value)));
    properties.put("matac.security.jwks-url", issuer.jwksUrl());
    return properties;
  }

  /** What a Kafka client needs to connect as {@code account}, by client property name. */
  public Map<String, Object> kafkaClient(String account) {
    return kafkaClients.apply(account);
  }

  public String jwksUrl() {
    return issuer.jwksUrl();
  }

  /** Tokens with one flaw each, otherwise as {@link #token} would make them. */
  public Map<String, String> forgedTokens(String subject, String role, String agency) {
    return ForgedTokens.against(issuer, subject, role, agency);
  }

  /** A bearer token for a test caller, signed by the issuer the services under test trust. */
  public String token(String subject, List<String> roles, String agency, List<String> areas) {
    return issuer.mint(subject, roles, agency, areas, Duration.ofMinutes(30));
  }

  private interface Database {
    Map<String, String> propertiesFor(String name);

    void stop();
  }
}
