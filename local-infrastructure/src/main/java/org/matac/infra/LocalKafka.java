package org.matac.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.utils.Time;
import org.matac.events.Topics;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), started inside this
 * JVM from the {@code kafka_2.13} jars that match the clients' version. Its log directory is
 * formatted once and kept, so topics and committed offsets survive a restart.
 *
 * <p>It runs as a force's broker should: every client authenticates (SASL/SCRAM-SHA-256; plain text
 * only because it listens on loopback) and may do only what {@link KafkaAccess} allows. The broker
 * itself and the tools that set it up are {@value #ADMIN}, a super user that authenticates with
 * PLAIN against the broker's own configuration, so no credential has to exist in the metadata log
 * before the broker can start.
 */
public final class LocalKafka implements AutoCloseable {

  private static final String CLUSTER_ID = "bWF0YWMtbG9jYWwtc3RhY2s";

  /** The broker's own principal, and the one its tools use to declare accounts and rules. */
  public static final String ADMIN = "admin";

  public static final String SCRAM = "SCRAM-SHA-256";

  private static final String PLAIN_MODULE =
      "org.apache.kafka.common.security.plain.PlainLoginModule";
  private static final String SCRAM_MODULE =
      "org.apache.kafka.common.security.scram.ScramLoginModule";

  /** The partner feeds of the local stack and the tests, each allowed its own intake topic. */
  public static final Map<String, String> PARTNER_FEEDS =
      Map.of(
          "HAMPSHIRE_POLICE", Topics.POLICE_INTAKE,
          "HAMPTON_TRUST", Topics.PARTNER_INTAKE,
          "SOUTHAMPTON_IDVA", Topics.PARTNER_INTAKE);

  private final KafkaRaftServer server;
  private final int port;

  private LocalKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts a broker on {@code port} (0 for any free port) with its log in {@code logDirectory}. */
  public static LocalKafka start(Path logDirectory, int port) throws IOException {
    Files.createDirectories(logDirectory);
    int brokerPort = port > 0 ? port : freePort();
    // A fixed broker port gets the next one for its controller, so a restarted local stack finds
    // its quorum where it left it.
    int controllerPort = port > 0 ? port + 1 : freePort();
    Properties properties = new Properties();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", "1");
    properties.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    properties.put(
        "listeners",
        "CLIENT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    properties.put("advertised.listeners", "CLIENT://localhost:" + brokerPort);
    properties.put(
        "listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("inter.broker.listener.name", "CLIENT");
    properties.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    properties.put("sasl.mechanism.controller.protocol", "PLAIN");
    // The broker logs in as admin and, on PLAIN, knows admin as its only user.
    String adminLogin =
        login(PLAIN_MODULE, ADMIN, " user_" + ADMIN + "=\"" + password(ADMIN) + "\"");
    properties.put("listener.name.client.sasl.enabled.mechanisms", SCRAM + ",PLAIN");
    properties.put("listener.name.client.plain.sasl.jaas.config", adminLogin);
    properties.put(
        "listener.name.client.scram-sha-256.sasl.jaas.config", SCRAM_MODULE + " required;");
    properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    properties.put("listener.name.controller.plain.sasl.jaas.config", adminLogin);
    properties.put(
        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    properties.put("super.users", "User:" + ADMIN);
    properties.put("allow.everyone.if.no.acl.found", "false");
    properties.put("log.dirs", logDirectory.toAbsolutePath().toString());
    properties.put("default.replication.factor", "1");
    properties.put("offsets.topic.replication.factor", "1");
    properties.put("offsets.topic.num.partitions", "3");
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    properties.put("group.initial.rebalance.delay.ms", "0");
    // As a force's broker should be: topics exist because a service declared them, with their
    // partition counts, never because a client happened to name one.
    properties.put("auto.create.topics.enable", "false");
    format(logDirectory, properties);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
    server.startup();
    LocalKafka kafka = new LocalKafka(server, brokerPort);
    List<KafkaAccess.Account> accounts = new ArrayList<>(KafkaAccess.services());
    accounts.addAll(KafkaAccess.partners(PARTNER_FEEDS));
    kafka.provision(accounts);
    return kafka;
  }

  /**
   * Gives each account its SCRAM credential and its rules, and waits until the broker lets the last
   * of them in: a client refused at its first connection does not try again.
   */
  public void provision(List<KafkaAccess.Account> accounts) throws IOException {
    try (Admin admin = Admin.create(clientSettings(ADMIN))) {
      admin
          .alterUserScramCredentials(
              accounts.stream()
                  .<UserScramCredentialAlteration>map(
                      account ->
                          new UserScramCredentialUpsertion(
                              account.name(),
                              new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192),
                              password(account.name())))
                  .toList())
          .all()
          .get(60, TimeUnit.SECONDS);
      admin
          .createAcls(accounts.stream().flatMap(account -> account.rules().stream()).toList())
          .all()
          .get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Declaring the broker's accounts failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while declaring the broker's accounts", e);
    }
    awaitAuthenticates(accounts.get(accounts.size() - 1).name());
  }

  private void awaitAuthenticates(String account) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Map<String, Object> settings = new HashMap<>(clientSettings(account));
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    while (true) {
      try (Admin admin = Admin.create(settings)) {
        admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException(account + " still cannot authenticate to the broker", e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while waiting for the broker's accounts", e);
      }
    }
  }

  /** Local only, as the database's: the broker listens on loopback and its data is synthetic. */
  public static String password(String account) {
    return account.toLowerCase(Locale.ROOT) + "-local-kafka";
  }

  /**
   * What a client needs to connect as {@code account}: the address and its credential, by Kafka
   * client property name. {@value #ADMIN} uses PLAIN, every other account SCRAM.
   */
  public Map<String, Object> clientSettings(String account) {
    Map<String, Object> settings = new HashMap<>(security(account));
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return settings;
  }

  /** The SASL settings of {@code account}, by Kafka client property name. */
  public static Map<String, String> security(String account) {
    boolean admin = ADMIN.equals(account);
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        admin ? "PLAIN" : SCRAM,
        "sasl.jaas.config",
        login(admin ? PLAIN_MODULE : SCRAM_MODULE, account, ""));
  }

  private static String login(String module, String account, String more) {
    return module
        + " required username=\""
        + account
        + "\" password=\""
        + password(account)
        + "\""
        + more
        + ";";
  }

  private static void format(Path logDirectory, Properties properties) throws IOException {
    Path config = logDirectory.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      properties.store(out, "written by LocalKafka; rewritten at every start");
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode =
        StorageTool.execute(
            new String[] {
              "format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exitCode != 0) {
      throw new IOException(
          "Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
    }
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
