package org.matac.support.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.matac.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares every topic of the system with its partition count when the service starts, so that
 * nothing depends on a broker creating topics on first use with whatever count it defaults to. The
 * partition count bounds how many instances of a service share the work: twelve by default, set by
 * {@code MATAC_KAFKA_PARTITIONS}; the replication factor is the broker's default unless set by
 * {@code MATAC_KAFKA_REPLICATION_FACTOR}.
 *
 * <p>A topic that exists with fewer partitions is reported and left alone: adding partitions would
 * move keys to other partitions and break the order of each person's messages.
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
public class KafkaTopics {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

  /**
   * The largest message any topic takes, 8 MB unless {@code MATAC_KAFKA_MAX_MESSAGE_BYTES} says
   * otherwise: a profile message carries the person's facts (ADR 0004), about 1.1 kB a record, and
   * the fault suite's most prolific synthetic offender (956 records) passed Kafka's default of 1
   * MB, which stopped the outbox behind him.
   */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private final Map<String, Object> adminSettings;
  private final int partitions;
  private final Optional<Short> replicationFactor;
  private final Duration intakeRetention;
  private final int maxMessageBytes;
  private final AtomicBoolean declared = new AtomicBoolean();

  public KafkaTopics(
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${matac.kafka.partitions:12}") int partitions,
      @Value("${matac.kafka.replication-factor:0}") short replicationFactor,
      @Value("${matac.kafka.intake-retention:P7D}") Duration intakeRetention,
      @Value("${matac.kafka.max-message-bytes:" + MAX_MESSAGE_BYTES + "}") int maxMessageBytes,
      KafkaDefaultConfiguration kafka) {
    this.partitions = partitions;
    this.intakeRetention = intakeRetention;
    this.maxMessageBytes = maxMessageBytes;
    this.replicationFactor =
        replicationFactor > 0 ? Optional.of(replicationFactor) : Optional.empty();
    this.adminSettings = new HashMap<>(KafkaClientSecurity.from(kafka.getConfig()));
    adminSettings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    declareUnlessDone();
  }

  /** A broker that was down at start gets the topics once it answers. */
  @Scheduled(fixedDelay = "30s", initialDelay = "30s")
  void declareUnlessDone() {
    if (declared.get()) {
      return;
    }
    try (Admin admin = Admin.create(adminSettings)) {
      declare(
          admin,
          Topics.ALL,
          partitions,
          replicationFactor,
          settings(intakeRetention, maxMessageBytes));
      declared.set(true);
    } catch (RuntimeException e) {
      LOG.error("The Kafka topics could not be declared; trying again in 30 s", e);
    }
  }

  /**
   * Each topic's settings: every topic takes messages up to {@code maxMessageBytes}; the topics
   * that hold envelopes as partners sent them, victims' contact details included (the intake and
   * dead-letter topics), keep them for {@code retention} only. Everything accepted is in a database
   * long before then (a week by default: an outage over a long weekend can still be replayed from
   * the topic), and nothing lingers on the broker after it.
   */
  static Map<String, Map<String, String>> settings(Duration retention, int maxMessageBytes) {
    List<String> asReceived =
        List.of(
            Topics.POLICE_INTAKE,
            Topics.PARTNER_INTAKE,
            Topics.INTAKE_DEAD_LETTER,
            Topics.TRACKING_DEAD_LETTER,
            Topics.SCORING_DEAD_LETTER,
            Topics.NOTIFICATION_DEAD_LETTER);
    Map<String, Map<String, String>> settings = new HashMap<>();
    for (String topic : Topics.ALL) {
      Map<String, String> topicSettings = new HashMap<>();
      topicSettings.put("max.message.bytes", Integer.toString(maxMessageBytes));
      if (asReceived.contains(topic)) {
        topicSettings.put("retention.ms", Long.toString(retention.toMillis()));
      }
      settings.put(topic, Map.copyOf(topicSettings));
    }
    return Map.copyOf(settings);
  }

  /**
   * Creates each of {@code names} that does not exist with {@code partitions} partitions and its
   * {@code settings}, and answers the partition count each has. A topic that exists keeps the
   * settings it has: changing them is the broker operators' act.
   */
  public static Map<String, Integer> declare(
      Admin admin,
      List<String> names,
      int partitions,
      Optional<Short> replicationFactor,
      Map<String, Map<String, String>> settings) {
    Map<String, KafkaFuture<Void>> created =
        admin
            .createTopics(
                names.stream()
                    .map(
                        name ->
                            new NewTopic(name, Optional.of(partitions), replicationFactor)
                                .configs(settings.getOrDefault(name, Map.of())))
                    .toList())
            .values();
    for (Map.Entry<String, KafkaFuture<Void>> topic : created.entrySet()) {
      try {
        topic.getValue().get(30, TimeUnit.SECONDS);
        LOG.info("Declared topic {} with {} partitions", topic.getKey(), partitions);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "Topic " + topic.getKey() + " could not be created", e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while declaring the topics", e);
      } catch (TimeoutException e) {
        throw new IllegalStateException("The broker did not answer for " + topic.getKey(), e);
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    try {
      for (TopicDescription topic :
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
        counts.put(topic.name(), topic.partitions().size());
        if (topic.partitions().size() < partitions) {
          LOG.warn(
              "Topic {} has {} partitions where {} are configured: at most {} instances of a"
                  + " service share it. It is left as it is (README, \"How it scales\").",
              topic.name(),
              topic.partitions().size(),
              partitions,
              topic.partitions().size());
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The declared topics could not be described", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while describing the topics", e);
    }
    return counts;
  }
}
