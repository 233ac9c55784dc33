package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.tasking.ActionPlans;
import org.matac.scoring.domain.MatacAction;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/**
 * The MATAC actions a partner agency owns, for its practitioners: what they agreed to do at the
 * meeting, for whom and by when, and their progress reports between meetings. Only published lists'
 * actions, only the token's agency, only the token's areas.
 */
@Controller("/api/v1/agency-actions")
@Secured(Roles.PARTNER_PRACTITIONER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgencyActionController {

  private static final int MAX_NOTES = 2000;

  private final ActionPlans plans;

  public AgencyActionController(ActionPlans plans) {
    this.plans = plans;
  }

  public record AgencyActions(List<ActionPlans.AgencyAction> items) {}

  public record ReportRequest(
      @Nullable Integer version, @Nullable String status, @Nullable String notes) {}

  @Get
  public AgencyActions owned(Authentication authentication) {
    return new AgencyActions(plans.ownedBy(Caller.of(authentication)));
  }

  /**
   * Reports progress on one action: its status and the agency's notes. The body names the version
   * read; a report on a stale read is refused (409), never applied over someone else's.
   */
  @Patch("/{id}")
  public MatacAction report(
      @PathVariable UUID id, @Body ReportRequest request, Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    checks.required("version", request.version());
    ActionPlans.Status status = checks.oneOf("status", request.status(), ActionPlans.Status.class);
    if (request.notes() != null && request.notes().length() > MAX_NOTES) {
      checks.problem("notes", "must be at most " + MAX_NOTES + " characters");
    }
    checks.answer();
    return plans.report(
        id,
        new ActionPlans.Report(request.version(), status, request.notes()),
        Caller.of(authentication));
  }
}
