package org.matac.support.kafka;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.matac.events.DeadLetterHeaders;

/**
 * Sends a record that cannot be processed to a dead-letter topic, synchronously, before its offset
 * is committed: nothing rejected is silently dropped. The key and value travel unchanged, less what
 * {@link DeadLetterValues} says must never be kept, so the record can be replayed; the headers say
 * why and where it came from, and never hold personal data.
 */
@Singleton
public class DeadLetters {

  private final ReliableProducer producer;
  private final Clock clock;
  private final DeadLetterValues values;

  public DeadLetters(ReliableProducer producer, Clock clock, DeadLetterValues values) {
    this.producer = producer;
    this.clock = clock;
    this.values = values;
  }

  public void send(
      String deadLetterTopic, ConsumerRecord<?, ?> original, String reason, List<String> errors) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetterHeaders.REASON, utf8(reason));
    headers.add(DeadLetterHeaders.ERRORS, utf8(String.join("\n", errors)));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(original.topic()));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, utf8(Integer.toString(original.partition())));
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, utf8(Long.toString(original.offset())));
    headers.add(DeadLetterHeaders.DEAD_LETTERED_AT, utf8(clock.instant().toString()));
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            deadLetterTopic,
            null,
            keyOf(original),
            values.kept(original.topic(), bytesOf(original.value())),
            headers);
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while dead-lettering", e);
    } catch (ExecutionException | TimeoutException e) {
      // Thrown on purpose: the offset is not committed, so the record is read again.
      throw new BrokerUnavailable("The dead-letter topic did not acknowledge", e);
    }
  }

  private static String keyOf(ConsumerRecord<?, ?> original) {
    Object key = original.key();
    if (key == null) {
      return null;
    }
    return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
  }

  private static byte[] bytesOf(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof byte[] bytes ? bytes : utf8(value.toString());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
