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
import java.util.List;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;
import org.matac.tracking.application.identity.LinkingProfiles;
import org.matac.tracking.domain.ManualLink;

/**
 * Admins link two profiles that partners' identifiers do not join, or remove such a link, each with
 * a reason. Names and dates of birth never join people by themselves: this is the way a person
 * decides they are one.
 */
@Controller("/api/v1/identity-links")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IdentityLinkController {

  private final LinkingProfiles linking;

  public IdentityLinkController(LinkingProfiles linking) {
    this.linking = linking;
  }

  public record NewLink(
      @Nullable UUID perpetratorId, @Nullable UUID otherPerpetratorId, @Nullable String reason) {}

  public record Removal(@Nullable String reason) {}

  public record Links(List<ManualLink> items) {}

  @Post
  public HttpResponse<LinkingProfiles.Linked> link(@Body NewLink request, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    checks.required("perpetratorId", request.perpetratorId());
    checks.required("otherPerpetratorId", request.otherPerpetratorId());
    checks.required("reason", request.reason());
    checks.answer();
    return HttpResponse.created(
        linking.link(
            request.perpetratorId(),
            request.otherPerpetratorId(),
            request.reason(),
            Caller.of(admin)));
  }

  @Post("/{id}/removal")
  public LinkingProfiles.Linked remove(
      @PathVariable UUID id, @Body Removal request, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    checks.required("reason", request.reason());
    checks.answer();
    return linking.unlink(id, request.reason(), Caller.of(admin));
  }

  @Get
  public Links list(@QueryValue UUID perpetratorId) {
    return new Links(linking.linksOf(perpetratorId));
  }
}
