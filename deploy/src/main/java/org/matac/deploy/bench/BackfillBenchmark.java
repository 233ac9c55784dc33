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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.matac.deploy.LocalStack;
import org.matac.deploy.StackSettings;
import org.matac.infra.LocalKafka;

/**
 * A partnership's history imported through Kafka: N synthetic police events onto the intake topic
 * at once, timed until every one is recorded by tracking and every resulting profile is scored and
 * known to notification. Then, on the same machine and topic, the raw baseline: a plain consumer
 * that reads the same records and batch-inserts one row each over JDBC into the same PostgreSQL.
 * Prints RESULT lines; not part of the test suite.
 *
 * <p>Usage: {@code deploy/benchmarks/bench-backfill.sh [events] [seed] [instances]} (defaults
 * 20000, 1 and 1); with 2 instances, a second instance of each service runs beside the first and
 * the share of each is printed.
 */
public final class BackfillBenchmark {

  private static final String INTAKE = "intake.police-events.v1";

  /** The consumer groups a backfill flows through, each a service's main listener. */
  private static final List<String> GROUPS = List.of("tracking-intake", "scoring", "notification");

  private static final List<LocalStack.Service> SERVICES =
      List.of(
          LocalStack.Service.TRACKING, LocalStack.Service.SCORING, LocalStack.Service.NOTIFICATION);

  private BackfillBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
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
      if (instances > 1) {
        for (LocalStack.Service service : SERVICES) {
          stack.startSecondInstance(service);
        }
        awaitPartitionsShared(stack);
      }
      ProcessWatch watch = new ProcessWatch(stack);
      watch.start();
      Instant started = Instant.now();
      produce(stack, feed);
      Instant produced = Instant.now();
      awaitEverythingWritten(stack, distinct.size(), people.size(), watch);
      Duration system = Duration.between(started, Instant.now());
      double systemRate = distinct.size() / (system.toMillis() / 1000.0);
      System.out.printf(
          "RESULT system events=%d seconds=%.1f events_per_second=%.0f (producing took %d ms)%n",
          distinct.size(),
          system.toMillis() / 1000.0,
          systemRate,
          Duration.between(started, produced).toMillis());

      watch.report(distinct.size());
      ProcessWatch.reportStatements(stack);
      ProcessWatch.reportDatabaseSizes(stack, distinct.size());
      if (instances > 1) {
        reportPerInstance(stack);
      }

      Duration raw = rawBaseline(stack, feed.size());
      double rawRate = feed.size() / (raw.toMillis() / 1000.0);
      System.out.printf(
          "RESULT raw_baseline records=%d seconds=%.1f events_per_second=%.0f%n",
          feed.size(), raw.toMillis() / 1000.0, rawRate);
      System.out.printf("RESULT ratio=%.1f%% of the raw baseline%n", 100 * systemRate / rawRate);
    }
  }

  /** Waits until every consumer group has a member on each instance holding partitions. */
  private static void awaitPartitionsShared(LocalStack stack) throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(LocalKafka.ADMIN))) {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (Instant.now().isBefore(deadline)) {
        boolean shared = true;
        for (String group : GROUPS) {
          shared &= membersWithPartitions(admin, group).size() >= 2;
        }
        if (shared) {
          return;
        }
        Thread.sleep(1000);
      }
      throw new IllegalStateException("The second instances did not join their groups");
    }
  }

  /**
   * Prints, for each consumer group, the partitions each member holds and how many records those
   * partitions carry: one member per instance and listener, so this is each instance's share.
   */
  private static void reportPerInstance(LocalStack stack) throws Exception {
    try (Admin admin = Admin.create(stack.kafkaClient(LocalKafka.ADMIN))) {
      for (String group : GROUPS) {
        int member = 0;
        for (Set<TopicPartition> partitions : membersWithPartitions(admin, group)) {
          member++;
          Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
          partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
          long records =
              admin.listOffsets(latest).all().get().values().stream()
                  .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                  .sum();
          System.out.printf(
              "RESULT instance group=%s member=%d partitions=%d records=%d%n",
              group, member, partitions.size(), records);
        }
      }
    }
  }

  private static List<Set<TopicPartition>> membersWithPartitions(Admin admin, String group)
      throws Exception {
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
        .map(member -> member.assignment().topicPartitions())
        .filter(partitions -> !partitions.isEmpty())
        .toList();
  }

  private static void produce(LocalStack stack, List<SyntheticFeed.Event> feed) throws Exception {
    Properties properties = new Properties();
    // The feed connects as the police force's partner account, as a force's records system would.
    properties.putAll(stack.kafkaClient("HAMPSHIRE_POLICE"));
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
      LocalStack stack, int distinctEvents, int people, ProcessWatch watch) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    try (Connection tracking = stack.database(LocalStack.Service.TRACKING);
        Connection scoring = stack.database(LocalStack.Service.SCORING);
        Connection notification = stack.database(LocalStack.Service.NOTIFICATION)) {
      while (Instant.now().isBefore(deadline)) {
        watch.sample(
            Map.of(
                LocalStack.Service.TRACKING, tracking,
                LocalStack.Service.SCORING, scoring,
                LocalStack.Service.NOTIFICATION, notification));
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
      properties.putAll(stack.kafkaClient(LocalKafka.ADMIN));
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
}
