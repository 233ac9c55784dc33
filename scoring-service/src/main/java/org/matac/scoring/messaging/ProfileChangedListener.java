package org.matac.scoring.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.scores.ScoringProfiles;
import org.matac.support.kafka.AtLeastOnceBatchListener;
import org.matac.support.kafka.BatchHandling;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;

/**
 * Rescoring follows tracking's profile changes, a poll's records at a time; see docs/adr/0002 for
 * the delivery settings and {@link BatchHandling} for how a batch is handled.
 */
@AtLeastOnceBatchListener(groupId = "scoring")
public class ProfileChangedListener extends DeadLetteringListener {

  private final BatchHandling batches;
  private final ScoringProfiles scoring;

  public ProfileChangedListener(
      BatchHandling batches, ScoringProfiles scoring, DeadLetters deadLetters) {
    super(deadLetters, Topics.SCORING_DEAD_LETTER);
    this.batches = batches;
    this.scoring = scoring;
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(List<ConsumerRecord<String, byte[]>> records) {
    batches.handleAll(
        records,
        ProfileChanged.class,
        Topics.SCORING_DEAD_LETTER,
        scoring::onProfilesChanged,
        scoring::onProfileChanged);
  }

  @Topic(Topics.PERPETRATOR_DISPOSED)
  public void onPerpetratorDisposed(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        PerpetratorDisposed.class,
        Topics.SCORING_DEAD_LETTER,
        scoring::onPerpetratorDisposed);
  }
}
