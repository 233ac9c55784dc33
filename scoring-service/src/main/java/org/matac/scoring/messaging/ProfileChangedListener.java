package org.matac.scoring.messaging;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.ScoringProfiles;
import org.matac.support.kafka.DeadLetteringExceptionHandler;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.kafka.MessageReader;

/** Rescoring follows tracking's profile changes; see docs/adr/0002 for the delivery settings. */
@KafkaListener(
    groupId = "scoring",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 8,
            retryDelay = "200ms",
            handleAllExceptions = true))
public class ProfileChangedListener implements KafkaListenerExceptionHandler {

  private final MessageReader reader;
  private final ScoringProfiles scoring;
  private final DeadLetters deadLetters;

  public ProfileChangedListener(
      MessageReader reader, ScoringProfiles scoring, DeadLetters deadLetters) {
    this.reader = reader;
    this.scoring = scoring;
    this.deadLetters = deadLetters;
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ProfileChanged.class, Topics.SCORING_DEAD_LETTER)
        .ifPresent(scoring::onProfileChanged);
  }

  @Override
  public void handle(KafkaListenerException exception) {
    DeadLetteringExceptionHandler.deadLetter(deadLetters, Topics.SCORING_DEAD_LETTER, exception);
  }
}
