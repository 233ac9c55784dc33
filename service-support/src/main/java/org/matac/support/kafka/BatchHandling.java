package org.matac.support.kafka;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.support.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a batch listener handles a poll's records: each read into its message type (an unreadable one
 * is dead-lettered), then all handled in one transaction, so a backlog pays one commit per batch.
 * When that transaction fails, each message is handled alone in its own transaction, retried for a
 * passing fault, and dead-lettered only if it still fails: one bad message never holds back or
 * loses the others. When the database or the broker is out of reach, nothing is dead-lettered: the
 * poll is handed back, to be read again when they are back. Handlers are idempotent by message id,
 * so handling a message again after a partial failure changes nothing.
 */
@Singleton
public class BatchHandling {

  private static final Logger LOG = LoggerFactory.getLogger(BatchHandling.class);
  private static final int ATTEMPTS_ALONE = 4;

  private final MessageReader reader;
  private final DeadLetters deadLetters;
  private final TransactionOperations<Connection> transactions;

  public BatchHandling(
      MessageReader reader,
      DeadLetters deadLetters,
      TransactionOperations<Connection> transactions) {
    this.reader = reader;
    this.deadLetters = deadLetters;
    this.transactions = transactions;
  }

  public <T> void handle(
      List<ConsumerRecord<String, byte[]>> records,
      Class<T> type,
      String deadLetterTopic,
      Consumer<T> handler) {
    handleAll(records, type, deadLetterTopic, messages -> messages.forEach(handler), handler);
  }

  /**
   * As {@link #handle}, for a handler that takes the poll's messages as a set ({@code together}:
   * one statement per table for all of them) and has the same effect as {@code alone} applied to
   * each in order; {@code alone} is what a failed batch falls back to, message by message.
   */
  public <T> void handleAll(
      List<ConsumerRecord<String, byte[]>> records,
      Class<T> type,
      String deadLetterTopic,
      Consumer<List<T>> together,
      Consumer<T> alone) {
    List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>();
    List<T> messages = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      reader
          .read(record, type, deadLetterTopic)
          .ifPresent(
              message -> {
                readable.add(record);
                messages.add(message);
              });
    }
    if (messages.isEmpty()) {
      return;
    }
    try {
      transactions.executeWrite(
          status -> {
            together.accept(messages);
            return null;
          });
    } catch (RuntimeException batchFailed) {
      throwIfOutage(batchFailed);
      LOG.warn(
          "A batch of {} {} messages failed together ({}); handling them one at a time",
          messages.size(),
          type.getSimpleName(),
          batchFailed.getClass().getSimpleName());
      for (int i = 0; i < messages.size(); i++) {
        T message = messages.get(i);
        alone(
            readable.get(i),
            () -> {
              alone.accept(message);
              return Boolean.TRUE;
            },
            deadLetterTopic);
      }
    }
  }

  /**
   * Does one record's {@code work} in its own transaction, trying again for a passing fault; a
   * record whose work still fails is dead-lettered by the type of its failure, to be replayed once
   * fixed, and has no result. A record the use case refused is dead-lettered at once, with the
   * refusal's words.
   */
  public <R> Optional<R> alone(
      ConsumerRecord<String, byte[]> record, Supplier<R> work, String deadLetterTopic) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS_ALONE; attempt++) {
      try {
        return Optional.ofNullable(transactions.executeWrite(status -> work.get()));
      } catch (Refused refused) {
        // Refused for its content: trying again gets the same answer.
        deadLetters.send(deadLetterTopic, record, "REFUSED", List.of(refused.getMessage()));
        return Optional.empty();
      } catch (RuntimeException e) {
        throwIfOutage(e);
        last = e;
        pause(100L << attempt, e);
      }
    }
    deadLetters.send(
        deadLetterTopic, record, "PROCESSING_FAILED", List.of(last.getClass().getName()));
    return Optional.empty();
  }

  /**
   * An outage is no message's fault: the poll is handed back to the listener's error strategy,
   * which reads it again once the database or the broker is back, and nothing is dead-lettered.
   */
  public static void throwIfOutage(RuntimeException failure) {
    if (Outages.isOutage(failure)) {
      throw failure;
    }
  }

  private static void pause(long millis, RuntimeException cause) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
