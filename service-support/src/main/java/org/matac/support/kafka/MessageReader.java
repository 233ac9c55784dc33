package org.matac.support.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads an internal message into its record type; one that cannot be read is dead-lettered
 * (synchronously, before the offset moves on) rather than retried forever or dropped.
 */
@Singleton
public class MessageReader {

  private final ObjectMapper json;
  private final DeadLetters deadLetters;

  public MessageReader(ObjectMapper json, DeadLetters deadLetters) {
    this.json = json;
    this.deadLetters = deadLetters;
  }

  public <T> Optional<T> read(
      ConsumerRecord<String, byte[]> record, Class<T> type, String deadLetterTopic) {
    if (record.value() == null) {
      deadLetters.send(deadLetterTopic, record, "EMPTY_VALUE", List.of("the record has no value"));
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(record.value(), type));
    } catch (IOException e) {
      deadLetters.send(
          deadLetterTopic,
          record,
          "UNREADABLE_MESSAGE",
          List.of("not a " + type.getSimpleName() + ": " + e.getClass().getSimpleName()));
      return Optional.empty();
    }
  }
}
