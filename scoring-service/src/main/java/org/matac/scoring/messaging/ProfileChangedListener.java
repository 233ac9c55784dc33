package org.matac.scoring.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.ScoringProfiles;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.kafka.MessageReader;

/** Rescoring follows tracking's profile changes; see docs/adr/0002 for the delivery settings. */
@AtLeastOnceListener(groupId = "scoring")
public class ProfileChangedListener extends DeadLetteringListener {

  private final MessageReader reader;
  private final ScoringProfiles scoring;

  public ProfileChangedListener(
      MessageReader reader, ScoringProfiles scoring, DeadLetters deadLetters) {
    super(deadLetters, Topics.SCORING_DEAD_LETTER);
    this.reader = reader;
    this.scoring = scoring;
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, ProfileChanged.class, Topics.SCORING_DEAD_LETTER)
        .ifPresent(scoring::onProfileChanged);
  }
}
