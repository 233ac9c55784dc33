package org.matac.support.inbox;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.matac.support.sql.Sql;

/**
 * The idempotent-consumer record: a message id is stored in the same transaction as the effect of
 * processing it, so a redelivered message finds its id and changes nothing.
 */
@Singleton
public class ProcessedMessages {

  private final Sql sql;

  public ProcessedMessages(Sql sql) {
    this.sql = sql;
  }

  /**
   * Records the deliveries of {@code messageIds} to {@code consumer} in one statement; answers
   * those delivered for the first time. Must run in the transaction that applies their effects.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> recordFirstDeliveries(String consumer, List<String> messageIds) {
    Set<String> first = new HashSet<>();
    sql.query(
        "INSERT INTO processed_message (consumer, message_id) SELECT ?, unnest(?::text[])"
            + " ON CONFLICT DO NOTHING RETURNING message_id",
        row -> first.add(row.getString(1)),
        consumer,
        messageIds.toArray(String[]::new));
    return first;
  }

  /**
   * Records that {@code consumer} processed {@code messageId}; answers false when it already had.
   * Must run in the transaction that applies the message's effect.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean recordFirstDelivery(String consumer, String messageId) {
    return sql.update(
            "INSERT INTO processed_message (consumer, message_id) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING",
            consumer,
            messageId)
        == 1;
  }
}
