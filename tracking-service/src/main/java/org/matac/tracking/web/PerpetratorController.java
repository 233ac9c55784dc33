package org.matac.tracking.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.UUID;
import org.matac.support.problem.ProblemException;
import org.matac.support.security.Caller;
import org.matac.support.security.Roles;
import org.matac.tracking.application.profile.ReadingProfiles;

/**
 * Perpetrator profiles: facts as partners reported them. Victims appear by reference and
 * relationship only; their contact details are never part of a profile.
 */
@Controller("/api/v1/perpetrators")
@Secured({
  Roles.MATAC_COORDINATOR,
  Roles.CASEWORKER,
  Roles.VICTIM_SAFETY_WORKER,
  Roles.ANALYST,
  Roles.ADMIN
})
@ExecuteOn(TaskExecutors.BLOCKING)
public class PerpetratorController {

  private final ReadingProfiles profiles;

  public PerpetratorController(ReadingProfiles profiles) {
    this.profiles = profiles;
  }

  @Get("/{id}")
  public ReadingProfiles.ProfileView byId(@PathVariable UUID id, Authentication caller) {
    return profiles
        .byId(id, Caller.of(caller))
        .orElseThrow(() -> ProblemException.notFound("No perpetrator has id " + id + "."));
  }

  @Get
  public ReadingProfiles.SearchResult bySourceIdentity(
      @QueryValue String source, @QueryValue String sourcePersonId, Authentication caller) {
    return profiles.bySourceIdentity(source, sourcePersonId, Caller.of(caller));
  }
}
