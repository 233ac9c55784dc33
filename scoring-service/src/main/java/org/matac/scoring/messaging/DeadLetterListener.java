package org.matac.scoring.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.support.deadletter.DeadLetterDesk;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;

/** Keeps what scoring's listeners could not take where an admin can list and replay it. */
@AtLeastOnceListener(groupId = "scoring-dead-letters")
public class DeadLetterListener extends DeadLetteringListener {

  private final DeadLetterDesk desk;

  public DeadLetterListener(DeadLetterDesk desk, DeadLetters deadLetters) {
    super(deadLetters, Topics.SCORING_DEAD_LETTER);
    this.desk = desk;
  }

  @Topic(Topics.SCORING_DEAD_LETTER)
  public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
    desk.keep(record);
  }
}
