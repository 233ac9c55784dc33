package org.matac.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), started inside this
 * JVM from the {@code kafka_2.13} jars that match the clients' version. Its log directory is
 * formatted once and kept, so topics and committed offsets survive a restart.
 */
public final class LocalKafka implements AutoCloseable {

  private static final String CLUSTER_ID = "bWF0YWMtbG9jYWwtc3RhY2s";

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
        "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    properties.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    properties.put("controller.listener.names", "CONTROLLER");
    properties.put("inter.broker.listener.name", "PLAINTEXT");
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
    return new LocalKafka(server, brokerPort);
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
