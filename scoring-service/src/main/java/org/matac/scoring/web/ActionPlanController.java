package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.tasking.ActionPlans;
import org.matac.scoring.domain.MatacAction;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/** The action plan of a person approved onto a MATAC list, agreed and then kept up to date. */
@Controller("/api/v1")
@Secured(Roles.MATAC_COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActionPlanController {

  /** The fields a coordinator may change on an agreed action; the rest are fixed when agreed. */
  private static final Set<String> CHANGEABLE = Set.of("version", "status", "owner", "dueDate");

  private final ActionPlans plans;

  public ActionPlanController(ActionPlans plans) {
    this.plans = plans;
  }

  public record Actions(List<MatacAction> items) {}

  /** A person's agreed actions in the coordinator's areas, latest cycle first. */
  @Get("/matac-actions")
  public Actions ofPerson(@QueryValue UUID perpetratorId, Authentication authentication) {
    return new Actions(plans.ofPerson(perpetratorId, Caller.of(authentication)));
  }

  public record NewAction(
      @Nullable String agency,
      @Nullable String tactic,
      @Nullable String description,
      @Nullable String owner,
      @Nullable String dueDate) {}

  @Post("/tasking-cycles/{id}/entries/{perpetratorId}/actions")
  public HttpResponse<MatacAction> agree(
      @PathVariable UUID id,
      @PathVariable UUID perpetratorId,
      @Body NewAction request,
      Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    checks.required("agency", request.agency());
    ActionPlans.Tactic tactic = checks.oneOf("tactic", request.tactic(), ActionPlans.Tactic.class);
    checks.required("description", request.description());
    checks.required("owner", request.owner());
    var due = checks.date("dueDate", request.dueDate());
    checks.answer();
    return HttpResponse.created(
        plans.add(
            id,
            perpetratorId,
            new ActionPlans.NewAction(
                request.agency(), tactic, request.description(), request.owner(), due),
            Caller.of(authentication)));
  }

  /**
   * Changes an action's status, owner or due date. The body names the version read; any other field
   * (the person, the agency, the tactic) is refused rather than ignored.
   */
  @Patch("/matac-actions/{actionId}")
  public MatacAction change(
      @PathVariable UUID actionId,
      @Body Map<String, Object> request,
      Authentication authentication) {
    RequestChecks checks = new RequestChecks();
    request.keySet().stream()
        .filter(field -> !CHANGEABLE.contains(field))
        .sorted()
        .forEach(field -> checks.problem(field, "cannot be changed on an agreed action"));
    Object version = request.get("version");
    if (!(version instanceof Integer)) {
      checks.problem("version", "is required: the version you read, a whole number");
    }
    ActionPlans.Status status =
        checks.optionalOneOf("status", text(request, "status"), ActionPlans.Status.class);
    String owner = text(request, "owner");
    if (request.containsKey("owner") && (owner == null || owner.isBlank())) {
      checks.problem("owner", "cannot be blank");
    }
    var due = checks.optionalDate("dueDate", text(request, "dueDate"));
    checks.answer();
    return plans.change(
        actionId,
        new ActionPlans.Change(
            (Integer) version,
            Optional.ofNullable(status),
            Optional.ofNullable(owner),
            Optional.ofNullable(due)),
        Caller.of(authentication));
  }

  private static String text(Map<String, Object> request, String field) {
    Object value = request.get(field);
    return value == null ? null : value.toString();
  }
}
