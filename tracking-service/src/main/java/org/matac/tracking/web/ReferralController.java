package org.matac.tracking.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;
import org.matac.tracking.application.referral.EnteringSelfReferrals;
import org.matac.tracking.application.referral.ReferralQueue;
import org.matac.tracking.domain.Referral;
import org.matac.tracking.domain.ReferralFilter;
import org.matac.tracking.domain.ScreeningTool;

/** The referral queue: claim, screen with the PPIT, decide. Every change names the version read. */
@Controller("/api/v1/referrals")
@Secured({Roles.CASEWORKER, Roles.MATAC_COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReferralController {

  private final ReferralQueue queue;
  private final EnteringSelfReferrals selfReferrals;

  public ReferralController(ReferralQueue queue, EnteringSelfReferrals selfReferrals) {
    this.queue = queue;
    this.selfReferrals = selfReferrals;
  }

  /**
   * Enters a self-referral taken by a caseworker of the programme agency: a new referral in the
   * agency's queue, about a new profile, recorded as a PARTNER_REFERRAL from that agency.
   */
  @Post("/self-referrals")
  @Secured(Roles.CASEWORKER)
  public HttpResponse<Referral> selfReferral(
      @Body EnteringSelfReferrals.SelfReferral request, Authentication caller) {
    return HttpResponse.created(selfReferrals.enter(request, Caller.of(caller)));
  }

  public record Referrals(List<Referral> items, List<String> screeningTool) {}

  public record Screening(
      @Nullable Long version,
      @Nullable Map<String, String> ratings,
      @Nullable Boolean priority,
      @Nullable String notes) {}

  public record DecisionRequest(
      @Nullable Long version,
      @Nullable String decision,
      @Nullable String pathway,
      @Nullable String outcome,
      @Nullable String reason) {}

  public record LawfulBasis(
      @Nullable Long version, @Nullable String basis, @Nullable String reason) {}

  /**
   * The caller's queue, oldest first, narrowed by status, area, pathway (decided, else requested),
   * referring agency, and {@code receivedBefore} (an instant or a date) for the age of a referral.
   */
  @Get
  public Referrals list(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String pathway,
      @Nullable @QueryValue String referringAgency,
      @Nullable @QueryValue String receivedBefore,
      @Nullable @QueryValue Integer limit,
      Authentication caller) {
    int size = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
    Instant before =
        receivedBefore == null
            ? null
            : receivedBefore.matches("\\d{4}-\\d{2}-\\d{2}")
                ? LocalDate.parse(receivedBefore).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instants.parse("receivedBefore", receivedBefore);
    return new Referrals(
        queue.queue(
            Caller.of(caller),
            new ReferralFilter(
                Optional.ofNullable(status),
                Optional.ofNullable(area),
                Optional.ofNullable(pathway),
                Optional.ofNullable(referringAgency),
                Optional.ofNullable(before)),
            size),
        queue.tool().itemCodes());
  }

  /** The screening tool version this partnership uses: its groups and items, in form order. */
  @Get("/screening-tool")
  public ScreeningTool screeningTool() {
    return queue.tool();
  }

  @Get("/{id}")
  public Referral referral(@PathVariable UUID id, Authentication caller) {
    return queue.referral(id, Caller.of(caller));
  }

  @Post("/{id}/claim")
  public Referral claim(@PathVariable UUID id, Authentication caller) {
    return queue.claim(id, Caller.of(caller));
  }

  @Put("/{id}/screening")
  public Referral screen(@PathVariable UUID id, @Body Screening request, Authentication caller) {
    List<FieldError> errors = new ArrayList<>();
    long version = version(request.version(), errors);
    Map<String, Referral.Rating> ratings = new LinkedHashMap<>();
    (request.ratings() == null ? Map.<String, String>of() : request.ratings())
        .forEach(
            (item, rating) -> {
              try {
                ratings.put(item, Referral.Rating.valueOf(rating));
              } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(
                    new FieldError("ratings." + item, "must be NOT_PRESENT, PRESENT or CRITICAL"));
              }
            });
    reject(errors);
    return queue.screen(
        id, version, ratings, request.priority(), request.notes(), Caller.of(caller));
  }

  @Post("/{id}/decision")
  public Referral decide(
      @PathVariable UUID id, @Body DecisionRequest request, Authentication caller) {
    List<FieldError> errors = new ArrayList<>();
    long version = version(request.version(), errors);
    Referral.Decision decision = null;
    try {
      decision = Referral.Decision.valueOf(String.valueOf(request.decision()));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("decision", "must be ACCEPT, DECLINE or CLOSE"));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      errors.add(new FieldError("reason", "is required"));
    }
    reject(errors);
    return queue.decide(
        id,
        version,
        decision,
        request.pathway(),
        request.outcome(),
        request.reason(),
        Caller.of(caller));
  }

  /** Records the lawful basis for sharing without consent; only an admin may. */
  @Post("/{id}/lawful-basis")
  @Secured(Roles.ADMIN)
  public Referral lawfulBasis(
      @PathVariable UUID id, @Body LawfulBasis request, Authentication caller) {
    List<FieldError> errors = new ArrayList<>();
    long version = version(request.version(), errors);
    if (request.basis() == null || request.basis().isBlank()) {
      errors.add(new FieldError("basis", "is required"));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      errors.add(new FieldError("reason", "is required"));
    }
    reject(errors);
    return queue.recordLawfulBasis(
        id, version, request.basis(), request.reason(), Caller.of(caller));
  }

  private static long version(Long version, List<FieldError> errors) {
    if (version == null) {
      errors.add(new FieldError("version", "is required: the version you read"));
      return -1;
    }
    return version;
  }

  private static void reject(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw Refused.invalid("The request is incomplete.", errors);
    }
  }
}
