package org.matac.deploy.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.matac.deploy.LocalStack;
import org.matac.deploy.StackSettings;

/**
 * A partnership's history imported through Kafka: N synthetic police events onto the intake topic
 * at once, timed until every one is recorded by tracking and every resulting profile is scored and
 * known to notification. Then, on the same machine and topic, the raw baseline: a plain consumer
 * that reads the same records and batch-inserts one row each over JDBC into the same PostgreSQL.
 * Prints RESULT lines; not part of the test suite.
 *
 * <p>Usage: {@code deploy/bench-backfill.sh [events] [seed]} (defaults 20000 and 1).
 */
public final class BackfillBenchmark {

  private static final String INTAKE = "intake.police-events.v1";

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    List<SyntheticFeed.Event> feed = new SyntheticFeed(seed, Instant.now()).events(events);
    Set<String> distinct = new HashSet<>();
    Set<String> people = new HashSet<>();
    feed.forEach(
        event -> {
          distinct.add(event.eventId());
          people.add(event.key());
        });
    System.out.printf(
        "Feed: %d envelopes (%d distinct events, %d people), seed %d%n",
        feed.size(), distinct.size(), people.size(), seed);

    Path data = Files.createTempDirectory("matac-bench-backfill-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      MemoryWatch memory = new MemoryWatch(stack);
      Instant started = Instant.now();
      produce(stack, feed);
      Instant produced = Instant.now();
      awaitEverythingWritten(stack, distinct.size(), people.size(), memory);
      Duration system = Duration.between(started, Instant.now());
      double systemRate = distinct.size() / (system.toMillis() / 1000.0);
      System.out.printf(
          "RESULT system events=%d seconds=%.1f events_per_second=%.0f (producing took %d ms)%n",
          distinct.size(),
          system.toMillis() / 1000.0,
          systemRate,
          Duration.between(started, produced).toMillis());

      Duration raw = rawBaseline(stack, feed.size());
      double rawRate = feed.size() / (raw.toMillis() / 1000.0);
      System.out.printf(
          "RESULT raw_baseline records=%d seconds=%.1f events_per_second=%.0f%n",
          feed.size(), raw.toMillis() / 1000.0, rawRate);
      System.out.printf("RESULT ratio=%.1f%% of the raw baseline%n", 100 * systemRate / rawRate);
      memory.report();
    }
  }

  private static void produce(LocalStack stack, List<SyntheticFeed.Event> feed) throws Exception {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (SyntheticFeed.Event event : feed) {
        producer.send(new ProducerRecord<>(INTAKE, event.key(), event.json()));
      }
      producer.flush();
    }
  }

  /**
   * Done when tracking recorded every distinct event, nothing waits in any outbox, and scoring and
   * notification hold, for every person, the latest profile version tracking published.
   */
  private static void awaitEverythingWritten(
      LocalStack stack, int distinctEvents, int people, MemoryWatch memory) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    try (Connection tracking = stack.database(LocalStack.Service.TRACKING);
        Connection scoring = stack.database(LocalStack.Service.SCORING);
        Connection notification = stack.database(LocalStack.Service.NOTIFICATION)) {
      while (Instant.now().isBefore(deadline)) {
        memory.sample();
        long recorded = count(tracking, "SELECT count(*) FROM intake_event");
        long versions =
            count(
                tracking,
                "SELECT coalesce(sum(profile_version), 0) FROM perpetrator WHERE merged_into IS NULL");
        long trackingOutbox = count(tracking, "SELECT count(*) FROM outbox_message");
        long scored =
            count(scoring, "SELECT coalesce(sum(profile_version), 0) FROM perpetrator_facts");
        long scoringOutbox = count(scoring, "SELECT count(*) FROM outbox_message");
        long told =
            count(
                notification, "SELECT coalesce(sum(profile_version), 0) FROM perpetrator_summary");
        System.out.printf(
            "  recorded %d/%d events; profile versions: tracking %d, scoring %d, notification %d;"
                + " outboxes %d/%d%n",
            recorded, distinctEvents, versions, scored, told, trackingOutbox, scoringOutbox);
        if (recorded == distinctEvents
            && trackingOutbox == 0
            && scoringOutbox == 0
            && versions > 0
            && scored == versions
            && told == versions) {
          return;
        }
        Thread.sleep(1000);
      }
    }
    throw new IllegalStateException(
        "The backfill did not finish within 30 minutes (" + people + " people)");
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * The raw speed of this machine's Kafka and PostgreSQL for the same records: read the topic from
   * the start, insert one row per record in a batch per poll, commit, and move on.
   */
  private static Duration rawBaseline(LocalStack stack, int records) throws Exception {
    try (Connection baseline = stack.database("baseline");
        Statement statement = baseline.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS raw_intake (event_id uuid, topic_offset bigint PRIMARY KEY,"
              + " message_key text, body jsonb NOT NULL)");
      statement.execute("TRUNCATE raw_intake");
      baseline.setAutoCommit(false);
      Properties properties = new Properties();
      properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
      properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-baseline-" + UUID.randomUUID());
      properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
      Instant started = Instant.now();
      int inserted = 0;
      try (KafkaConsumer<String, byte[]> consumer =
              new KafkaConsumer<>(
                  properties, new StringDeserializer(), new ByteArrayDeserializer());
          PreparedStatement insert =
              baseline.prepareStatement(
                  "INSERT INTO raw_intake (event_id, topic_offset, message_key, body)"
                      + " VALUES (?::uuid, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
        consumer.subscribe(List.of(INTAKE));
        while (inserted < records) {
          var batch = consumer.poll(Duration.ofMillis(500));
          for (ConsumerRecord<String, byte[]> record : batch) {
            String body = new String(record.value(), StandardCharsets.UTF_8);
            insert.setString(1, body.substring(12, 48));
            insert.setLong(2, record.offset());
            insert.setString(3, record.key());
            insert.setString(4, body);
            insert.addBatch();
            inserted++;
          }
          if (!batch.isEmpty()) {
            insert.executeBatch();
            baseline.commit();
            consumer.commitSync();
          }
        }
      }
      return Duration.between(started, Instant.now());
    }
  }

  /** Peak resident memory of each service process, from /proc, sampled while the run lasts. */
  private static final class MemoryWatch {
    private final LocalStack stack;
    private final Map<LocalStack.Service, Long> peakKb = new EnumMap<>(LocalStack.Service.class);

    MemoryWatch(LocalStack stack) {
      this.stack = stack;
    }

    void sample() {
      for (LocalStack.Service service : LocalStack.Service.values()) {
        stack
            .pidOf(service)
            .ifPresent(
                pid -> {
                  try {
                    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                      if (line.startsWith("VmHWM:")) {
                        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                        peakKb.merge(service, kb, Math::max);
                      }
                    }
                  } catch (Exception e) {
                    // The process may be gone between listing and reading; the last sample stands.
                  }
                });
      }
    }

    void report() {
      sample();
      peakKb.forEach(
          (service, kb) ->
              System.out.printf(
                  "RESULT peak_resident_memory %s=%d MB (heap capped at 512 MB by -Xmx512m)%n",
                  service, kb / 1024));
    }
  }
}
