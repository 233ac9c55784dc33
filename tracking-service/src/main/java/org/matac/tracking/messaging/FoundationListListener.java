package org.matac.tracking.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.scoring.FoundationListPublished;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.kafka.MessageReader;
import org.matac.tracking.application.referral.OpeningReferrals;

/** Each person on a published Foundation list becomes a referral for the programme agency. */
@AtLeastOnceListener(groupId = "tracking-foundation-list")
public class FoundationListListener extends DeadLetteringListener {

  private final MessageReader reader;
  private final OpeningReferrals referrals;

  public FoundationListListener(
      MessageReader reader, OpeningReferrals referrals, DeadLetters deadLetters) {
    super(deadLetters, Topics.TRACKING_DEAD_LETTER);
    this.reader = reader;
    this.referrals = referrals;
  }

  @Topic(Topics.FOUNDATION_LIST_PUBLISHED)
  public void onFoundationListPublished(ConsumerRecord<String, byte[]> record) {
    reader
        .read(record, FoundationListPublished.class, Topics.TRACKING_DEAD_LETTER)
        .ifPresent(referrals::openFromFoundationList);
  }
}
