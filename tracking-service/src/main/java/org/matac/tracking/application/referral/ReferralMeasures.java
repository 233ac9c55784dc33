package org.matac.tracking.application.referral;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.ReferralFunnel;
import org.matac.tracking.persistence.ReferralStore;

/**
 * An area's referral funnel over the twelve whole months before {@code asOf}, for the partnership's
 * measures: counts and waits about groups of referrals, never a referral.
 */
@Singleton
public class ReferralMeasures {

  private final ReferralStore referrals;
  private final AuditTrail audit;

  public ReferralMeasures(ReferralStore referrals, AuditTrail audit) {
    this.referrals = referrals;
    this.audit = audit;
  }

  public record Report(String area, Instant asOf, ReferralFunnel.Funnel funnel) {}

  @Transactional
  public Report funnel(String area, Instant asOf, Caller reader) {
    if (!reader.readsArea(area)) {
      throw Refused.forbidden("You do not coordinate area " + area + ".");
    }
    audit.record(AuditEntry.reportRead(reader, area, "referral funnel as of " + asOf));
    Instant from =
        YearMonth.from(asOf.atOffset(ZoneOffset.UTC))
            .minusMonths(12)
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    return new Report(area, asOf, ReferralFunnel.of(referrals.milestonesIn(area, from), asOf));
  }
}
