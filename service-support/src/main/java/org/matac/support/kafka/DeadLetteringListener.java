package org.matac.support.kafka;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.retry.ConditionalRetryBehaviourHandler;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a listener does with a record whose processing fails. A failure of the database or the
 * broker ({@link Outages}) is retried until they are back, the record's offset uncommitted, however
 * long that takes; a record that fails on its own content is dead-lettered at once with the
 * failure's type (never its message, which may quote personal data), to be replayed once the cause
 * is fixed.
 */
public abstract class DeadLetteringListener
    implements KafkaListenerExceptionHandler, ConditionalRetryBehaviourHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringListener.class);

  private final DeadLetters deadLetters;
  private final String deadLetterTopic;

  protected DeadLetteringListener(DeadLetters deadLetters, String deadLetterTopic) {
    this.deadLetters = deadLetters;
    this.deadLetterTopic = deadLetterTopic;
  }

  @Override
  public ConditionalRetryBehaviour conditionalRetryBehaviour(KafkaListenerException exception) {
    if (Outages.passes(exception)) {
      LOG.warn(
          "A poll could not be handled for now ({}); it is read again shortly",
          rootType(exception));
      return ConditionalRetryBehaviour.RETRY;
    }
    return ConditionalRetryBehaviour.SKIP;
  }

  @Override
  public void handle(KafkaListenerException exception) {
    if (Outages.passes(exception)) {
      // Called on every failed try as well; this one is being retried, not given up.
      return;
    }
    Throwable cause = exception.getCause() == null ? exception : exception.getCause();
    List<ConsumerRecord<?, ?>> failed = new ArrayList<>();
    exception.getConsumerRecord().ifPresent(failed::add);
    if (failed.isEmpty()) {
      // A batch listener that threw: none of its records may be skipped unseen.
      exception.getConsumerRecords().ifPresent(records -> records.forEach(failed::add));
    }
    if (failed.isEmpty()) {
      LOG.error("A listener failed without a record ({})", exception.getClass());
      return;
    }
    for (ConsumerRecord<?, ?> record : failed) {
      LOG.error(
          "Processing {}-{}@{} failed on its content; dead-lettering it ({})",
          record.topic(),
          record.partition(),
          record.offset(),
          cause.getClass().getName());
      deadLetters.send(
          deadLetterTopic, record, "PROCESSING_FAILED", List.of(cause.getClass().getName()));
    }
  }

  private static String rootType(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getName();
  }
}
