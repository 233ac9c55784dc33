package org.matac.support.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
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

  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String topic, String key, Object message) {
    try {
      sql.update(
          "INSERT INTO outbox_message (topic, message_key, payload) VALUES (?, ?, ?)",
          topic,
          key,
          new Sql.Json(json.writeValueAsString(message)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + message.getClass(), e);
    }
  }
}
