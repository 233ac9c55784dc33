package org.matac.scoring.application.referrals;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.matac.events.tracking.ReferralStatusChanged;
import org.matac.scoring.domain.ReferralDecision;
import org.matac.scoring.persistence.ReferralDecisionStore;
import org.matac.support.retention.Disposals;

/**
 * Keeps the programmes' decisions on referrals that tracking publishes, once each however often a
 * message is delivered, and never for someone disposed of: the entry dates and the people not taken
 * on that an intervention's evaluation compares.
 */
@Singleton
public class FollowingReferrals {

  private final Disposals disposals;
  private final ReferralDecisionStore decisions;

  public FollowingReferrals(Disposals disposals, ReferralDecisionStore decisions) {
    this.disposals = disposals;
    this.decisions = decisions;
  }

  @Transactional
  public void onReferralStatusChanged(ReferralStatusChanged message) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
            "scoring.referral-status-changed", message.messageId(), message.perpetratorId())
        || !ReferralDecision.isDecision(message.status())) {
      return;
    }
    decisions.record(
        new ReferralDecision(
            message.referralId(),
            UUID.fromString(message.perpetratorId()),
            message.area(),
            message.agency(),
            message.status(),
            message.pathway(),
            message.changedAt()));
  }
}
