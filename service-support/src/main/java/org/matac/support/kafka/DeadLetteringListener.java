package org.matac.support.kafka;

import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a listener does with a record whose processing still fails after its error strategy's
 * retries: dead-letter it with the failure's type (never its message, which may quote personal
 * data) so that it can be replayed once the cause is fixed.
 */
public abstract class DeadLetteringListener implements KafkaListenerExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringListener.class);

  private final DeadLetters deadLetters;
  private final String deadLetterTopic;

  protected DeadLetteringListener(DeadLetters deadLetters, String deadLetterTopic) {
    this.deadLetters = deadLetters;
    this.deadLetterTopic = deadLetterTopic;
  }

  @Override
  public void handle(KafkaListenerException exception) {
    exception
        .getConsumerRecord()
        .ifPresentOrElse(
            record -> {
              Throwable cause = exception.getCause() == null ? exception : exception.getCause();
              LOG.error(
                  "Processing {}-{}@{} failed after retries; dead-lettering it ({})",
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  cause.getClass().getName());
              deadLetters.send(
                  deadLetterTopic,
                  record,
                  "PROCESSING_FAILED",
                  List.of(cause.getClass().getName()));
            },
            () -> LOG.error("A listener failed without a record ({})", exception.getClass()));
  }
}
