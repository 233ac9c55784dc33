package org.matac.tracking.web;

import io.micronaut.core.annotation.Nullable;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;
import org.matac.tracking.application.profile.ReadingProfiles;
import org.matac.tracking.domain.PncId;
import org.matac.tracking.domain.SearchCriteria;

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
  private final Clock clock;

  public PerpetratorController(ReadingProfiles profiles, Clock clock) {
    this.profiles = profiles;
    this.clock = clock;
  }

  @Get("/{id}")
  public ReadingProfiles.ProfileView byId(@PathVariable UUID id, Authentication caller) {
    return profiles
        .byId(id, Caller.of(caller))
        .orElseThrow(() -> Refused.notFound("No perpetrator has id " + id + "."));
  }

  private static final int MAX_RESULTS = 50;
  private static final int MAX_IDENTITIES = 200;

  public record IdentityRequest(@Nullable List<UUID> ids) {}

  /**
   * Who several people are, by id, for a list that shows names (a ranking, a tasking cycle): one
   * request and one transaction instead of a profile read per person. Ids outside the caller's need
   * to know come back under {@code withheld}. A POST, so the ids stay out of URLs and logs.
   */
  @Post("/identities")
  public ReadingProfiles.Identities identities(
      @Body IdentityRequest request, Authentication caller) {
    RequestChecks checks = new RequestChecks();
    checks.required("ids", request.ids());
    if (request.ids() != null && request.ids().size() > MAX_IDENTITIES) {
      checks.problem("ids", "must hold at most " + MAX_IDENTITIES + " ids");
    }
    checks.answer();
    return profiles.identities(request.ids(), Caller.of(caller));
  }

  /**
   * Finds profiles by a partner's identifier ({@code source} and {@code sourcePersonId}), or by any
   * of name, date of birth, PNC id and area. Profiles outside the caller's need to know come back
   * as signposts: that one exists, who holds it, and how to ask for access.
   */
  @Get
  public ReadingProfiles.SearchResult search(
      @Nullable @QueryValue String source,
      @Nullable @QueryValue String sourcePersonId,
      @Nullable @QueryValue String name,
      @Nullable @QueryValue String dateOfBirth,
      @Nullable @QueryValue String pncId,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue Integer limit,
      Authentication caller) {
    RequestChecks checks = new RequestChecks();
    if (source != null || sourcePersonId != null) {
      checks.required("source", source);
      checks.required("sourcePersonId", sourcePersonId);
      checks.answer();
      return profiles.bySourceIdentity(source, sourcePersonId, Caller.of(caller));
    }
    LocalDate born = checks.optionalDate("dateOfBirth", dateOfBirth);
    String pnc = null;
    if (pncId != null) {
      pnc = PncId.normalise(pncId, Year.now(clock).getValue()).map(PncId::toString).orElse(null);
      if (pnc == null) {
        checks.problem("pncId", "must look like 2019/0012345X or 19/12345X");
      }
    }
    List<String> nameParts =
        name == null
            ? List.of()
            : Arrays.stream(name.trim().split("\\s+")).filter(part -> !part.isBlank()).toList();
    if (nameParts.isEmpty() && dateOfBirth == null && pncId == null && area == null) {
      checks.problem(
          "name",
          "give source and sourcePersonId, or at least one of name, dateOfBirth, pncId, area");
    }
    checks.answer();
    int size = limit == null ? 20 : Math.max(1, Math.min(limit, MAX_RESULTS));
    return profiles.search(new SearchCriteria(nameParts, born, pnc, area), size, Caller.of(caller));
  }
}
