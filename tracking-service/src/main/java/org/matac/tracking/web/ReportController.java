package org.matac.tracking.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import org.matac.events.access.Roles;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;
import org.matac.tracking.application.referral.ReferralMeasures;

/** The partnership's evidence tracking holds: figures about groups of referrals. */
@Controller("/api/v1/reports")
@Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

  private final ReferralMeasures measures;
  private final Clock clock;

  public ReportController(ReferralMeasures measures, Clock clock) {
    this.measures = measures;
    this.clock = clock;
  }

  /**
   * An area's referrals received in the twelve whole months before {@code asOf} (by default now):
   * how many were claimed, screened, accepted, declined and closed, by referring agency and by
   * pathway requested, and the quartiles of the days to claim and to decision. Counts from 1 to 9
   * are suppressed. Coordinators see their own areas; analysts and admins every area.
   */
  @Get("/referrals")
  public ReferralMeasures.Report referrals(
      @QueryValue String area, @Nullable @QueryValue String asOf, Authentication authentication) {
    return measures.funnel(
        area,
        asOf == null ? clock.instant() : Instants.parse("asOf", asOf),
        Caller.of(authentication));
  }
}
