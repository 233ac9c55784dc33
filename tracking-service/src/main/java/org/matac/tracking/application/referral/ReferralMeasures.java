package org.matac.tracking.application.referral;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.matac.support.audit.AreaReports;
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
  private final AreaReports reports;

  public ReferralMeasures(ReferralStore referrals, AreaReports reports) {
    this.referrals = referrals;
    this.reports = reports;
  }

  public record Report(String area, Instant asOf, ReferralFunnel.Funnel funnel) {}

  @Transactional
  public Report funnel(String area, Instant asOf, Caller reader) {
    reports.consult(reader, area, "referral funnel as of " + asOf);
    Instant from = AreaReports.twelveWholeMonthsBefore(asOf);
    return new Report(area, asOf, ReferralFunnel.of(referrals.milestonesIn(area, from), asOf));
  }
}
