package org.matac.scoring.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.matac.events.access.Roles;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.scores.Rescoring;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.support.security.Caller;

/** Scoring policies as versioned data: read by analysts, added and activated by admins. */
@Controller("/api/v1/policies")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PolicyController {

  private final PolicyCatalogue policies;
  private final Rescoring rescoring;

  public PolicyController(PolicyCatalogue policies, Rescoring rescoring) {
    this.policies = policies;
    this.rescoring = rescoring;
  }

  public record Versions(List<PolicyCatalogue.PolicyVersion> items, boolean rescoring) {}

  public record Activation(String activated, boolean rescoringStarted) {}

  @Get
  @Secured({Roles.ADMIN, Roles.ANALYST, Roles.MATAC_COORDINATOR})
  public Versions list() {
    return new Versions(policies.versions(), rescoring.isRunning());
  }

  /** Adds a policy document (the shape of policies/rfgv-1.json) after validating it. */
  @Post(consumes = MediaType.APPLICATION_JSON)
  public HttpResponse<ScoringPolicy> add(@Body byte[] document, Authentication admin) {
    return HttpResponse.created(
        policies.add(new String(document, StandardCharsets.UTF_8), Caller.of(admin)));
  }

  /** Activates a policy and starts rewriting every score under it; answers at once. */
  @Post("/{id}/activate")
  public HttpResponse<Activation> activate(@PathVariable String id, Authentication admin) {
    policies.activate(id, Caller.of(admin));
    return HttpResponse.accepted().body(new Activation(id, rescoring.start()));
  }
}
