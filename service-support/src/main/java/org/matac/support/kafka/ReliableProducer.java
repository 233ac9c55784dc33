package org.matac.support.kafka;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one producer a service uses for its outbox and its dead letters: every send waits for all
 * in-sync replicas, and idempotence stops a retried send from writing a record twice. Kept apart
 * from micronaut-kafka's producer beans, whose injection by name would match any qualifier.
 */
@Singleton
public class ReliableProducer {

  private final Producer<String, byte[]> producer;

  public ReliableProducer(
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${micronaut.application.name}") String applicationName,
      @Value("${matac.kafka.max-message-bytes:" + KafkaTopics.MAX_MESSAGE_BYTES + "}")
          int maxMessageBytes,
      KafkaDefaultConfiguration kafka) {
    Map<String, Object> settings = new HashMap<>(KafkaClientSecurity.from(kafka.getConfig()));
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-reliable");
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // A profile carries the person's facts (ADR 0004): a prolific offender's passes a megabyte.
    settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
    this.producer =
        new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
  }

  public Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
    return producer.send(record);
  }

  public void flush() {
    producer.flush();
  }

  @PreDestroy
  void close() {
    producer.close();
  }
}
