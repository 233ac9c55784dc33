package org.matac.notification.messaging;

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
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.notification.application.Notifying;
import org.matac.support.kafka.DeadLetteringExceptionHandler;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.kafka.MessageReader;

/** What notification-service consumes; see docs/adr/0002 for the delivery settings. */
@KafkaListener(
    groupId = "notification",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 8,
            retryDelay = "200ms",
            handleAllExceptions = true))
public class NotificationListener implements KafkaListenerExceptionHandler {

  private final MessageReader reader;
  private final Notifying notifying;
  private final DeadLetters deadLetters;

  public NotificationListener(MessageReader reader, Notifying notifying, DeadLetters deadLetters) {
    this.reader = reader;
    this.notifying = notifying;
    this.deadLetters = deadLetters;
  }

  @Topic(Topics.SAFETY_WORKER_ASSIGNED)
  public void onSafetyWorkerAssigned(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, SafetyWorkerAssigned.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onSafetyWorkerAssigned);
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ProfileChanged.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onProfileChanged);
  }

  @Topic(Topics.SCORE_CHANGED)
  public void onScoreChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ScoreChanged.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onScoreChanged);
  }

  @Override
  public void handle(KafkaListenerException exception) {
    DeadLetteringExceptionHandler.deadLetter(
        deadLetters, Topics.NOTIFICATION_DEAD_LETTER, exception);
  }
}
