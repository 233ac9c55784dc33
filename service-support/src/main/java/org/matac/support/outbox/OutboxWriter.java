package org.matac.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.matac.support.sql.Sql;

/**
 * Appends a message to the outbox inside the caller's transaction, so that it is published if and
 * only if the database change that caused it commits. Never "save, then send".
 */
@Singleton
public class OutboxWriter {

  private final Sql sql;
  private final ObjectMapper json;

  public OutboxWriter(Sql sql, ObjectMapper json) {
    this.sql = sql;
    this.json = json;
  }

  private static final String INSERT =
      "INSERT INTO outbox_message (topic, message_key, payload) VALUES (?, ?, ?)";

  /** A message for {@link #appendAll}: its key and body. */
  public record Keyed(String key, Object message) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String topic, String key, Object message) {
    sql.update(INSERT, topic, key, serialised(message));
  }

  /** Appends many messages to one topic in one batch, in the order given. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void appendAll(String topic, List<Keyed> messages) {
    sql.batch(
        INSERT,
        messages.stream()
            .map(keyed -> new Object[] {topic, keyed.key(), serialised(keyed.message())})
            .toList());
  }

  private Sql.Json serialised(Object message) {
    try {
      return new Sql.Json(json.writeValueAsString(message));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + message.getClass(), e);
    }
  }
}
