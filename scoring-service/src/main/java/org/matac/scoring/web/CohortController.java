package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.scoring.application.cohorts.FoundationLists;
import org.matac.scoring.application.rankings.Rankings;
import org.matac.scoring.application.tasking.TaskingCycles;
import org.matac.scoring.domain.Ranked;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;

/** Cohorts the policy defines; today the monthly Project Foundation list. */
@Controller("/api/v1/cohorts")
@Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CohortController {

  private final FoundationLists foundationLists;
  private final Rankings rankings;

  public CohortController(FoundationLists foundationLists, Rankings rankings) {
    this.foundationLists = foundationLists;
    this.rankings = rankings;
  }

  public record CohortRequest(@Nullable String area, @Nullable String asOf) {}

  public record Cohort(
      String area, Instant asOf, String policyId, List<RankingController.Entry> entries) {}

  /** The people meeting the Foundation rules of the active policy, in ranking order. */
  @Post("/foundation")
  public Cohort foundation(@Body CohortRequest request, Authentication authentication) {
    return cohort(request, authentication, false);
  }

  /**
   * Publishes the month's Foundation list: stored as published, and sent to tracking-service, which
   * opens a referral per person for the perpetrator-programme agency.
   */
  @Post("/foundation/publications")
  @Secured({Roles.ANALYST, Roles.ADMIN})
  public HttpResponse<Cohort> publishFoundation(
      @Body CohortRequest request, Authentication authentication) {
    return HttpResponse.created(cohort(request, authentication, true));
  }

  private Cohort cohort(CohortRequest request, Authentication authentication, boolean publish) {
    List<FieldError> errors = new ArrayList<>();
    if (request.area() == null || request.area().isBlank()) {
      errors.add(new FieldError("area", "is required"));
    }
    if (request.asOf() == null || request.asOf().isBlank()) {
      errors.add(new FieldError("asOf", "is required"));
    }
    if (!errors.isEmpty()) {
      throw Refused.invalid("The request is incomplete.", errors);
    }
    Caller caller = Caller.of(authentication);
    TaskingCycles.requireArea(caller, request.area());
    // A list "for date D" is computed at D 00:00:00 UTC, as the policy says.
    Instant asOf =
        request.asOf().matches("\\d{4}-\\d{2}-\\d{2}")
            ? LocalDate.parse(request.asOf()).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instants.parse("asOf", request.asOf());
    List<Ranked> listed =
        publish
            ? foundationLists.publishFoundation(request.area(), asOf, caller)
            : foundationLists.foundation(request.area(), asOf, caller);
    List<RankingController.Entry> entries = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      entries.add(
          new RankingController.Entry(i + 1, listed.get(i).perpetratorId(), listed.get(i).score()));
    }
    return new Cohort(request.area(), asOf, rankings.policy().id(), entries);
  }
}
