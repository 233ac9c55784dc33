package org.matac.console.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.console.backends.People;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.console.domain.SignedInUser;
import org.matac.events.access.Roles;

/**
 * The caseworker's day: the referral queue narrowed as they need it, one referral per page, the
 * claim, the screening form the partnership's tool version defines, the decision, and a
 * self-referral taken by phone. No victim's contact details are ever part of a referral.
 */
@Controller("/referrals")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured({Roles.CASEWORKER, Roles.MATAC_COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReferralPages {

  static final List<String> STATUSES =
      List.of("NEW", "CLAIMED", "SCREENED", "ACCEPTED", "DECLINED", "CLOSED");
  static final List<String> PATHWAYS =
      List.of("FOUNDATION", "CARA", "DVPP", "DRIVE", "OUTREACH", "MATAC");
  static final List<String> RATINGS = List.of("NOT_PRESENT", "PRESENT", "CRITICAL");

  /** The ages a caseworker can ask for, in days, youngest first as the drop-down lists them. */
  static final List<String> AGES = List.of("2", "7", "28");

  private static final Map<String, String> LABELS =
      Map.of(
          "givenName", "First name",
          "familyName", "Last name",
          "dateOfBirth", "Date of birth",
          "area", "Area",
          "reason", "Reason",
          "consentToShare", "Consent to share",
          "pathway", "Pathway",
          "outcome", "Outcome",
          "decision", "Decision",
          "priority", "Priority");
  private static final Map<String, String> WHEN_MISSING =
      Map.of(
          "givenName", "Enter their first name",
          "familyName", "Enter their last name",
          "reason", "Enter the reason",
          "consentToShare", "Select whether they consent to their information being shared",
          "decision", "Select accept, decline or close",
          "priority", "Select whether this person is a priority",
          "outcome", "Enter the outcome");

  private final Services services;
  private final People people;
  private final Clock clock;

  public ReferralPages(Services services, People people, Clock clock) {
    this.services = services;
    this.people = people;
    this.clock = clock;
  }

  /** The queue's filters as the form sends them: empty means any. */
  public record QueueFilter(
      @Nullable String status,
      @Nullable String area,
      @Nullable String pathway,
      @Nullable String referringAgency,
      @Nullable String olderThanDays) {}

  @Get("/{?status,area,pathway,referringAgency,olderThanDays}")
  public ModelAndView<Map<String, Object>> queue(
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String pathway,
      @Nullable @QueryValue String referringAgency,
      @Nullable @QueryValue String olderThanDays,
      Authentication authentication,
      SessionToken token) {
    SignedInUser user = Session.userOf(authentication);
    QueueFilter filter =
        new QueueFilter(
            oneOf(status, STATUSES),
            oneOf(area, user.areas()),
            oneOf(pathway, PATHWAYS),
            Forms.blankToNull(referringAgency),
            oneOf(olderThanDays, AGES));
    StringBuilder query = new StringBuilder("/api/v1/referrals?limit=200");
    add(query, "status", filter.status());
    add(query, "area", filter.area());
    add(query, "pathway", filter.pathway());
    add(query, "referringAgency", filter.referringAgency());
    if (filter.olderThanDays() != null) {
      add(
          query,
          "receivedBefore",
          LocalDate.now(clock).minusDays(Integer.parseInt(filter.olderThanDays())).toString());
    }
    List<Map<String, Object>> items =
        Answers.items(services.get(Service.TRACKING, query.toString(), token));
    return Page.of(
        "referrals",
        "Referrals",
        "items",
        items,
        "names",
        people.names(items.stream().map(item -> item.get("perpetratorId")).toList(), token),
        "filter",
        filter,
        "areas",
        user.areas(),
        "statuses",
        STATUSES,
        "pathways",
        PATHWAYS,
        "ages",
        AGES);
  }

  @Get("/{id}")
  public ModelAndView<Map<String, Object>> referral(@PathVariable UUID id, SessionToken token) {
    return referralPage(id, Map.of(), token);
  }

  private ModelAndView<Map<String, Object>> referralPage(
      UUID id, Map<String, String> errors, SessionToken token) {
    Map<String, Object> referral = services.get(Service.TRACKING, "/api/v1/referrals/" + id, token);
    Map<String, Object> profile =
        Answers.map(
            people
                .profile(UUID.fromString(referral.get("perpetratorId").toString()), token)
                .get("profile"));
    Screenings.Screening screening = Screenings.read(referral.get("screening"));
    return Page.of(
        "referral",
        Page.title("Referral " + referral.get("referralRef"), errors),
        "referral",
        referral,
        "screening",
        screening,
        "tool",
        screening.ratings().isEmpty()
            ? Map.of()
            : services.get(Service.TRACKING, "/api/v1/referrals/screening-tool", token),
        "name",
        People.fullName(profile),
        "profile",
        profile,
        "errors",
        errors);
  }

  @Post("/{id}/claim")
  public HttpResponse<?> claim(@PathVariable UUID id, SessionToken token) {
    try {
      services.post(Service.TRACKING, "/api/v1/referrals/" + id + "/claim", null, token);
      return Page.seeOther("/referrals/" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(
          refusal,
          referralPage(
              id,
              Map.of("claim", "You could not claim this referral: " + Screenings.plain(refusal)),
              token));
    }
  }

  @Get("/{id}/screening")
  public ModelAndView<Map<String, Object>> screeningForm(
      @PathVariable UUID id, SessionToken token) {
    Map<String, Object> referral = services.get(Service.TRACKING, "/api/v1/referrals/" + id, token);
    Screenings.Screening earlier = Screenings.read(referral.get("screening"));
    Map<String, String> answers = new HashMap<>(earlier.ratings());
    if (earlier.priority() != null) {
      answers.put("priority", earlier.priority() ? "yes" : "no");
    }
    answers.put("notes", earlier.notes());
    return screeningPage(
        referral,
        services.get(Service.TRACKING, "/api/v1/referrals/screening-tool", token),
        answers,
        Map.of());
  }

  private static ModelAndView<Map<String, Object>> screeningPage(
      Map<String, Object> referral,
      Map<String, Object> tool,
      Map<String, String> answers,
      Map<String, String> errors) {
    return Page.of(
        "screening",
        Page.title("Screen referral " + referral.get("referralRef"), errors),
        "referral",
        referral,
        "tool",
        tool,
        "ratings",
        RATINGS,
        "answers",
        answers,
        "errors",
        errors);
  }

  @Post("/{id}/screening")
  public HttpResponse<?> screen(
      @PathVariable UUID id, HttpRequest<Map<String, Object>> request, SessionToken token) {
    Map<String, String> answers = Screenings.form(request.getBody().orElseGet(Map::of));
    Map<String, Object> tool =
        services.get(Service.TRACKING, "/api/v1/referrals/screening-tool", token);
    Map<String, Object> body = new HashMap<>();
    body.put("version", Screenings.number(answers.get("version")));
    body.put("ratings", Screenings.ratings(tool, answers));
    body.put("priority", Screenings.yesNo(answers.get("priority")));
    body.put("notes", Forms.blankToNull(answers.get("notes")));
    try {
      services.put(Service.TRACKING, "/api/v1/referrals/" + id + "/screening", body, token);
      return Page.seeOther("/referrals/" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400 && refusal.status() != 409) {
        throw refusal;
      }
      Map<String, Object> referral =
          services.get(Service.TRACKING, "/api/v1/referrals/" + id, token);
      return Page.again(
          refusal, screeningPage(referral, tool, answers, Screenings.errors(refusal, tool)));
    }
  }

  @Get("/{id}/decision")
  public ModelAndView<Map<String, Object>> decisionForm(@PathVariable UUID id, SessionToken token) {
    return decisionPage(
        services.get(Service.TRACKING, "/api/v1/referrals/" + id, token), Map.of(), Map.of());
  }

  private ModelAndView<Map<String, Object>> decisionPage(
      Map<String, Object> referral, Map<String, String> answers, Map<String, String> errors) {
    return Page.of(
        "referral-decision",
        Page.title("Decide referral " + referral.get("referralRef"), errors),
        "referral",
        referral,
        "pathways",
        PATHWAYS.stream().filter(pathway -> !"FOUNDATION".equals(pathway)).toList(),
        "answers",
        answers,
        "errors",
        errors);
  }

  @Post("/{id}/decision")
  public HttpResponse<?> decide(
      @PathVariable UUID id, HttpRequest<Map<String, Object>> request, SessionToken token) {
    Map<String, String> answers = Screenings.form(request.getBody().orElseGet(Map::of));
    Map<String, Object> body = new HashMap<>();
    body.put("version", Screenings.number(answers.get("version")));
    body.put("decision", Forms.blankToNull(answers.get("decision")));
    body.put("pathway", Forms.blankToNull(answers.get("pathway")));
    body.put("outcome", Forms.blankToNull(answers.get("outcome")));
    body.put("reason", Forms.blankToNull(answers.get("reason")));
    try {
      services.post(Service.TRACKING, "/api/v1/referrals/" + id + "/decision", body, token);
      return Page.seeOther("/referrals/" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400 && refusal.status() != 409) {
        throw refusal;
      }
      return Page.again(
          refusal,
          decisionPage(
              services.get(Service.TRACKING, "/api/v1/referrals/" + id, token),
              answers,
              decisionErrors(refusal, answers)));
    }
  }

  /** The service names the allowed decisions; a person who chose none is told to choose. */
  private static Map<String, String> decisionErrors(
      ServiceRefusal refusal, Map<String, String> answers) {
    Map<String, String> errors =
        new LinkedHashMap<>(FormErrors.of(refusal, LABELS, WHEN_MISSING, "decision"));
    if (answers.get("decision") == null && errors.containsKey("decision")) {
      errors.put("decision", WHEN_MISSING.get("decision"));
    }
    return errors;
  }

  @Get("/new")
  @Secured(Roles.CASEWORKER)
  public ModelAndView<Map<String, Object>> selfReferralForm(Authentication authentication) {
    return selfReferralPage(Session.userOf(authentication), Map.of(), Map.of());
  }

  private ModelAndView<Map<String, Object>> selfReferralPage(
      SignedInUser user, Map<String, String> answers, Map<String, String> errors) {
    return Page.of(
        "self-referral",
        Page.title("Enter a self-referral", errors),
        "areas",
        user.areas(),
        "pathways",
        PATHWAYS.stream().filter(pathway -> !"FOUNDATION".equals(pathway)).toList(),
        "answers",
        answers,
        "errors",
        errors);
  }

  @Post("/new")
  @Secured(Roles.CASEWORKER)
  public HttpResponse<?> enterSelfReferral(
      HttpRequest<Map<String, Object>> request, Authentication authentication, SessionToken token) {
    Map<String, String> answers = Screenings.form(request.getBody().orElseGet(Map::of));
    Map<String, Object> body = new HashMap<>();
    for (String field :
        List.of("givenName", "familyName", "dateOfBirth", "area", "reason", "pathway")) {
      body.put(field, Forms.blankToNull(answers.get(field)));
    }
    body.put("consentToShare", Screenings.yesNo(answers.get("consentToShare")));
    try {
      Map<String, Object> referral =
          services.post(Service.TRACKING, "/api/v1/referrals/self-referrals", body, token);
      return Page.seeOther("/referrals/" + referral.get("id"));
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400) {
        throw refusal;
      }
      return HttpResponse.badRequest(
          selfReferralPage(
              Session.userOf(authentication),
              answers,
              FormErrors.of(refusal, LABELS, WHEN_MISSING, "reason")));
    }
  }

  private static String oneOf(String value, List<String> allowed) {
    return value != null && allowed.contains(value) ? value : null;
  }

  private static void add(StringBuilder query, String name, String value) {
    if (value != null) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
