package org.matac.notification.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.notification.application.Notifying;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.kafka.MessageReader;

/** What notification-service consumes; see docs/adr/0002 for the delivery settings. */
@AtLeastOnceListener(groupId = "notification")
public class NotificationListener extends DeadLetteringListener {

  private final MessageReader reader;
  private final Notifying notifying;

  public NotificationListener(MessageReader reader, Notifying notifying, DeadLetters deadLetters) {
    super(deadLetters, Topics.NOTIFICATION_DEAD_LETTER);
    this.reader = reader;
    this.notifying = notifying;
  }

  @Topic(Topics.SAFETY_WORKER_ASSIGNED)
  public void onSafetyWorkerAssigned(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, SafetyWorkerAssigned.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onSafetyWorkerAssigned);
  }

  @Topic(Topics.SAFETY_WORKER_UNASSIGNED)
  public void onSafetyWorkerUnassigned(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, SafetyWorkerUnassigned.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onSafetyWorkerUnassigned);
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ProfileChanged.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onProfileChanged);
  }

  @Topic(Topics.TASKING_LIST_PUBLISHED)
  public void onTaskingListPublished(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, TaskingListPublished.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onTaskingListPublished);
  }

  @Topic(Topics.SCORE_CHANGED)
  public void onScoreChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ScoreChanged.class, Topics.NOTIFICATION_DEAD_LETTER)
        .ifPresent(notifying::onScoreChanged);
  }
}
