package org.matac.tracking.application.referral;

import jakarta.inject.Singleton;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.tracking.ReferralStatusChanged;
import org.matac.support.outbox.OutboxWriter;
import org.matac.tracking.domain.Referral;

/** Tells the other services, through the outbox, that a referral opened or moved. */
@Singleton
class ReferralPublications {

  private final OutboxWriter outbox;

  ReferralPublications(OutboxWriter outbox) {
    this.outbox = outbox;
  }

  void publish(Referral referral, Referral.Status previousStatus, String by) {
    outbox.append(
        Topics.REFERRAL_STATUS_CHANGED,
        referral.perpetratorId().toString(),
        new ReferralStatusChanged(
            UUID.randomUUID(),
            referral.id(),
            referral.perpetratorId().toString(),
            referral.agency(),
            referral.area(),
            referral.status().name(),
            previousStatus == null ? null : previousStatus.name(),
            by,
            referral.updatedAt(),
            referral.pathway(),
            referral.outcome()));
  }
}
