package org.matac.scoring.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.tracking.ReferralStatusChanged;
import org.matac.scoring.application.referrals.FollowingReferrals;
import org.matac.support.kafka.AtLeastOnceBatchListener;
import org.matac.support.kafka.BatchHandling;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;

/**
 * Programme decisions on referrals, for evaluating each intervention; in a group of its own, so
 * that profile changes never wait behind them.
 */
@AtLeastOnceBatchListener(groupId = "scoring-referrals")
public class ReferralStatusListener extends DeadLetteringListener {

  private final BatchHandling batches;
  private final FollowingReferrals referrals;

  public ReferralStatusListener(
      BatchHandling batches, FollowingReferrals referrals, DeadLetters deadLetters) {
    super(deadLetters, Topics.SCORING_DEAD_LETTER);
    this.batches = batches;
    this.referrals = referrals;
  }

  @Topic(Topics.REFERRAL_STATUS_CHANGED)
  public void onReferralStatusChanged(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        ReferralStatusChanged.class,
        Topics.SCORING_DEAD_LETTER,
        referrals::onReferralStatusChanged);
  }
}
