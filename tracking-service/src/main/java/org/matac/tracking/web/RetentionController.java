package org.matac.tracking.web;

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
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;
import org.matac.tracking.application.retention.ReviewingRetention;
import org.matac.tracking.domain.RetentionRule;

/**
 * Retention reviews for the partnership's records manager (an admin): the reviews due, one
 * profile's review, and the decision to keep it until a later review or to dispose of it.
 */
@Controller("/api/v1/retention/reviews")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class RetentionController {

  private static final int MAX_LIMIT = 1000;

  public enum DecisionKind {
    KEEP,
    DISPOSE
  }

  private final ReviewingRetention retention;

  public RetentionController(ReviewingRetention retention) {
    this.retention = retention;
  }

  public record Due(List<ReviewingRetention.Review> items) {}

  /**
   * A review decision. KEEP needs a reason and may name the next review date; DISPOSE needs a basis
   * and takes no free text, which could hold the very data being erased.
   */
  public record Decision(
      @Nullable String decision,
      @Nullable String reason,
      @Nullable String nextReviewOn,
      @Nullable String basis) {}

  @Get
  public Due due(@QueryValue(defaultValue = "100") int limit, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    if (limit < 1 || limit > MAX_LIMIT) {
      checks.problem("limit", "must be between 1 and " + MAX_LIMIT);
    }
    checks.answer();
    return new Due(retention.due(limit, Caller.of(admin)));
  }

  @Get("/{perpetratorId}")
  public ReviewingRetention.Review review(@PathVariable UUID perpetratorId, Authentication admin) {
    return retention.review(perpetratorId, Caller.of(admin));
  }

  @Post("/{perpetratorId}/decisions")
  public HttpResponse<?> decide(
      @PathVariable UUID perpetratorId, @Body Decision request, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    DecisionKind kind = checks.oneOf("decision", request.decision(), DecisionKind.class);
    if (kind == DecisionKind.KEEP) {
      checks.required("reason", request.reason());
      if (request.basis() != null) {
        checks.problem("basis", "is only for DISPOSE");
      }
      LocalDate until = checks.optionalDate("nextReviewOn", request.nextReviewOn());
      if (until != null) {
        retention
            .problemWithKeepingUntil(until)
            .ifPresent(problem -> checks.problem("nextReviewOn", problem));
      }
      checks.answer();
      return HttpResponse.created(
          retention.keep(
              perpetratorId, request.reason(), Optional.ofNullable(until), Caller.of(admin)));
    }
    if (kind != DecisionKind.DISPOSE) {
      checks.answer(); // the decision is missing or unknown, as noted above
    }
    RetentionRule.DisposalBasis basis =
        checks.oneOf("basis", request.basis(), RetentionRule.DisposalBasis.class);
    if (request.reason() != null) {
      checks.problem(
          "reason", "must not be given for DISPOSE: nothing written about the person is kept");
    }
    if (request.nextReviewOn() != null) {
      checks.problem("nextReviewOn", "is only for KEEP");
    }
    checks.answer();
    return HttpResponse.ok(retention.dispose(perpetratorId, basis, Caller.of(admin)));
  }
}
