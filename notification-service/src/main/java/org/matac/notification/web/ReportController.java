package org.matac.notification.web;

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
import org.matac.notification.application.AcknowledgementMeasures;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;

/** The partnership's evidence notification holds: figures about groups of notices. */
@Controller("/api/v1/reports")
@Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

  private final AcknowledgementMeasures measures;
  private final Clock clock;

  public ReportController(AcknowledgementMeasures measures, Clock clock) {
    this.measures = measures;
    this.clock = clock;
  }

  /**
   * How quickly workers acknowledged the notices about people in an area given in the twelve whole
   * months before {@code asOf} (by default now), urgent and other apart: counts, and the quartiles
   * of the hours to acknowledge. Counts from 1 to 9, and times from fewer than ten, are suppressed.
   */
  @Get("/acknowledgements")
  public AcknowledgementMeasures.Report acknowledgements(
      @QueryValue String area, @Nullable @QueryValue String asOf, Authentication authentication) {
    return measures.of(
        area,
        asOf == null ? clock.instant() : Instants.parse("asOf", asOf),
        Caller.of(authentication));
  }
}
