package org.matac.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to and reads from real topics in tests, as a partner system or a consumer would. */
public final class TopicProbe {

  private final Map<String, Object> client;

  /** A probe connecting with {@code client}, the settings of a broker account. */
  public TopicProbe(Map<String, Object> client) {
    this.client = Map.copyOf(client);
  }

  private Map<String, Object> with(Object... settings) {
    Map<String, Object> all = new HashMap<>(client);
    for (int i = 0; i < settings.length; i += 2) {
      all.put((String) settings[i], settings[i + 1]);
    }
    return all;
  }

  public void send(String topic, String key, String value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            with(ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
    } catch (Exception e) {
      throw new IllegalStateException("Sending to " + topic + " failed", e);
    }
  }

  /** A record as read back: value as text and headers as text. */
  public record Received(String key, String value, Map<String, String> headers) {}

  /**
   * Reads {@code topic} from its beginning until a record satisfies {@code wanted}, or fails after
   * {@code timeout}. Answers every record read, the wanted one last.
   */
  public List<Received> readUntil(String topic, Predicate<Received> wanted, Duration timeout) {
    List<Received> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          Received received = received(record);
          seen.add(received);
          if (wanted.test(received)) {
            return seen;
          }
        }
      }
    }
    throw new AssertionError(
        "No record on " + topic + " matched within " + timeout + "; read " + seen.size());
  }

  /** Every record on {@code topic} that is there now, read from the beginning. */
  public List<Received> readAll(String topic, Duration quietFor) {
    List<Received> seen = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < quietFor.toNanos()) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty() || consumer.assignment().isEmpty()) {
          quietSince = System.nanoTime();
        }
        records.forEach(record -> seen.add(received(record)));
      }
    }
    return seen;
  }

  /** The consumer groups the broker knows, with whether each has committed an offset. */
  public Set<String> consumerGroups() {
    try (Admin admin = Admin.create(client)) {
      return admin.listConsumerGroups().all().get().stream()
          .map(ConsumerGroupListing::groupId)
          .collect(Collectors.toSet());
    } catch (Exception e) {
      throw new IllegalStateException("Listing consumer groups failed", e);
    }
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        with(
            ConsumerConfig.GROUP_ID_CONFIG,
            "probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static Received received(ConsumerRecord<String, byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Received(
        record.key(),
        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
        headers);
  }
}
