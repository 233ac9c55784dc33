package org.matac.notification.application;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.matac.support.inbox.ProcessedMessages;
import org.matac.support.retention.Disposals;

/**
 * Which messages to act on: those not handled before and about someone not disposed of. Read again
 * after a disposal (a replay from the beginning), a message must neither restore the person nor
 * notify anyone. Marks them handled in the caller's transaction, with the effect.
 */
@Singleton
class FirstDeliveries {

  private final ProcessedMessages processed;
  private final Disposals disposals;

  FirstDeliveries(ProcessedMessages processed, Disposals disposals) {
    this.processed = processed;
    this.disposals = disposals;
  }

  boolean aboutAKeptPerson(String consumer, UUID messageId, String perpetratorId) {
    return processed.recordFirstDelivery(consumer, messageId.toString())
        && !disposals.isDisposed(perpetratorId);
  }

  <T> List<T> aboutKeptPeople(
      String consumer,
      List<T> messages,
      Function<T, UUID> messageId,
      Function<T, String> perpetratorId) {
    return disposals.firstDeliveriesAboutKeptPeople(consumer, messages, messageId, perpetratorId);
  }
}
