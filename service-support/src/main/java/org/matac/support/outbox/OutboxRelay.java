package org.matac.support.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.matac.support.kafka.ReliableProducer;
import org.matac.support.sql.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed outbox messages to Kafka in the order they were written, then deletes them.
 *
 * <p>At-least-once: a crash between the broker's acknowledgement and the delete publishes the batch
 * again, which idempotent consumers absorb. One relay at a time per database (an advisory lock)
 * keeps each key's messages in order even with several instances of a service.
 *
 * <p>A message the broker refuses for what it is (larger than any topic takes) would be refused for
 * ever, and every later message would wait behind it: it is held back in the outbox with the
 * reason, logged as an error, and the others go on. Nothing is deleted that was not published. A
 * held-back message is a fault for an operator (raise the limit, then clear {@code held_back_at});
 * later messages about the same person are published meanwhile, which for profile messages, each
 * carrying the person's whole state, leaves consumers one version behind, not wrong.
 */
@Singleton
@Requires(property = "matac.outbox.enabled", notEquals = "false")
public class OutboxRelay {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

  private final Sql sql;
  private final ReliableProducer producer;
  private final int batchSize;

  public OutboxRelay(
      Sql sql, ReliableProducer producer, @Value("${matac.outbox.batch-size:500}") int batchSize) {
    this.sql = sql;
    this.producer = producer;
    this.batchSize = batchSize;
  }

  @Scheduled(fixedDelay = "${matac.outbox.poll-interval:50ms}", initialDelay = "1s")
  void drain() {
    try {
      while (publishBatch() == batchSize) {
        // A full batch means more is waiting: keep going without the poll delay.
      }
    } catch (RuntimeException e) {
      LOG.warn("Outbox publication failed; the messages stay in the outbox and will be retried", e);
    }
  }

  /** Publishes up to one batch; answers how many messages it published. */
  @Transactional
  public int publishBatch() {
    Boolean mine =
        sql.queryOne(
                "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay'))",
                row -> row.getBoolean(1))
            .orElse(false);
    if (!mine) {
      return 0;
    }
    List<Pending> pending =
        sql.query(
            "SELECT id, topic, message_key, payload::text AS payload FROM outbox_message"
                + " WHERE held_back_at IS NULL ORDER BY id LIMIT ?",
            row ->
                new Pending(
                    row.getLong("id"),
                    row.getString("topic"),
                    row.getString("message_key"),
                    row.getString("payload")),
            batchSize);
    if (pending.isEmpty()) {
      return 0;
    }
    List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
    for (Pending message : pending) {
      sends.add(
          producer.send(
              new ProducerRecord<>(
                  message.topic(),
                  message.key(),
                  message.payload().getBytes(StandardCharsets.UTF_8))));
    }
    producer.flush();
    Set<Long> refused = new HashSet<>();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while publishing the outbox", e);
      } catch (ExecutionException e) {
        if (!refusedForWhatItIs(e.getCause())) {
          throw new IllegalStateException("Kafka did not acknowledge an outbox message", e);
        }
        Pending message = pending.get(i);
        LOG.error(
            "Outbox message {} for {} ({} bytes) was refused by the broker ({}); it is held back"
                + " in the outbox and the others go on",
            message.id(),
            message.topic(),
            message.payload().getBytes(StandardCharsets.UTF_8).length,
            e.getCause().getClass().getSimpleName());
        refused.add(message.id());
      } catch (TimeoutException e) {
        throw new IllegalStateException("Kafka did not acknowledge an outbox message", e);
      }
    }
    if (!refused.isEmpty()) {
      sql.update(
          "UPDATE outbox_message SET held_back_at = now(), held_back_because = 'too large'"
              + " WHERE id = ANY(?::bigint[])",
          idArray(List.copyOf(refused)));
    }
    // By id, never by range: a message whose transaction commits while this batch is in flight
    // may hold an id inside the range, and it has not been published yet.
    sql.update(
        "DELETE FROM outbox_message WHERE id = ANY(?::bigint[])",
        idArray(pending.stream().map(Pending::id).filter(id -> !refused.contains(id)).toList()));
    return pending.size();
  }

  /** Whether the broker refused the message itself, so that sending it again cannot succeed. */
  private static boolean refusedForWhatItIs(Throwable cause) {
    return cause instanceof RecordTooLargeException
        || cause instanceof RecordBatchTooLargeException;
  }

  private static String idArray(List<Long> ids) {
    return ids.stream().map(id -> Long.toString(id)).collect(Collectors.joining(",", "{", "}"));
  }

  private record Pending(long id, String topic, String key, String payload) {}
}
