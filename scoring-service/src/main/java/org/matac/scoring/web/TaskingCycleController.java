package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.tasking.TaskingCycles;
import org.matac.scoring.domain.MatacMembership;
import org.matac.scoring.domain.TaskingCycle;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/** MATAC tasking cycles: draft, named decisions, publication, and discharge from MATAC. */
@Controller("/api/v1")
@Secured(Roles.MATAC_COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskingCycleController {

  private final TaskingCycles cycles;

  public TaskingCycleController(TaskingCycles cycles) {
    this.cycles = cycles;
  }

  public record NewCycle(@Nullable String area, @Nullable String cycleDate) {}

  public record Addition(@Nullable UUID perpetratorId, @Nullable String reason) {}

  public record DecisionRequest(@Nullable String decision, @Nullable String reason) {}

  public record Discharge(@Nullable String reason) {}

  public record Cycles(List<TaskingCycle.Cycle> items) {}

  public record Members(List<MatacMembership> items) {}

  @Post("/tasking-cycles")
  public HttpResponse<TaskingCycles.CycleView> create(
      @Body NewCycle request, Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    checks.required("area", request.area());
    LocalDate date = checks.date("cycleDate", request.cycleDate());
    checks.answer();
    return HttpResponse.created(cycles.draft(request.area(), date, Caller.of(authentication)));
  }

  @Post("/tasking-cycles/{id}/entries")
  public TaskingCycles.CycleView add(
      @PathVariable UUID id, @Body Addition request, Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    checks.required("perpetratorId", request.perpetratorId());
    checks.required("reason", request.reason());
    checks.answer();
    return cycles.add(id, request.perpetratorId(), request.reason(), Caller.of(authentication));
  }

  @Post("/tasking-cycles/{id}/entries/{perpetratorId}/decision")
  public TaskingCycles.CycleView decide(
      @PathVariable UUID id,
      @PathVariable UUID perpetratorId,
      @Body DecisionRequest request,
      Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    TaskingCycle.Decision decision =
        checks.oneOf("decision", request.decision(), TaskingCycle.Decision.class);
    checks.required("reason", request.reason());
    checks.answer();
    return cycles.decide(id, perpetratorId, decision, request.reason(), Caller.of(authentication));
  }

  @Post("/tasking-cycles/{id}/publish")
  public TaskingCycles.CycleView publish(@PathVariable UUID id, Authentication authentication) {
    return cycles.publish(id, Caller.of(authentication));
  }

  @Get("/tasking-cycles/{id}")
  @Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST})
  public TaskingCycles.CycleView get(@PathVariable UUID id, Authentication authentication) {
    return cycles.view(id, Caller.of(authentication));
  }

  @Get("/tasking-cycles")
  @Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST})
  public Cycles list(
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String status,
      Authentication authentication) {
    return new Cycles(
        cycles.list(
            Optional.ofNullable(area), Optional.ofNullable(status), Caller.of(authentication)));
  }

  @Get("/matac-members")
  @Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST})
  public Members members(@QueryValue String area, Authentication authentication) {
    return new Members(cycles.members(area, Caller.of(authentication)));
  }

  @Post("/matac-members/{perpetratorId}/discharge")
  public TaskingCycles.Discharged discharge(
      @PathVariable UUID perpetratorId, @Body Discharge request, Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    checks.required("reason", request.reason());
    checks.answer();
    return cycles.discharge(perpetratorId, request.reason(), Caller.of(authentication));
  }
}
