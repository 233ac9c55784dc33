package org.matac.console.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.matac.console.backends.People;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.events.access.Roles;

/**
 * The pages that watch over the system rather than work cases: an analyst's comparison of a
 * candidate policy with the active one, an administrator's dead-letter desk across the services,
 * and an auditor's check that each service's audit chain is intact.
 */
@Controller
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class OversightPages {

  private final Services services;
  private final People people;
  private final List<String> areas;

  public OversightPages(
      Services services, People people, @Value("${matac.partnership.areas}") List<String> areas) {
    this.services = services;
    this.people = people;
    this.areas = areas;
  }

  @Get("/analysis{?area,policyB,limit}")
  @Secured({Roles.ANALYST, Roles.ADMIN})
  public ModelAndView<Map<String, Object>> analysis(
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String policyB,
      @Nullable @QueryValue Integer limit,
      SessionToken token) {
    List<Map<String, Object>> policies =
        Answers.items(services.get(Service.SCORING, "/api/v1/policies", token));
    String active =
        policies.stream()
            .filter(policy -> Boolean.TRUE.equals(policy.get("active")))
            .map(policy -> policy.get("id").toString())
            .findFirst()
            .orElse("");
    List<String> candidates =
        policies.stream()
            .map(policy -> policy.get("id").toString())
            .filter(id -> !id.equals(active))
            .toList();
    Map<String, Object> comparison = null;
    Map<String, String> names = Map.of();
    if (area != null && areas.contains(area) && policyB != null && candidates.contains(policyB)) {
      int size = limit == null ? 20 : Math.max(1, Math.min(limit, 100));
      comparison =
          services.get(
              Service.SCORING,
              "/api/v1/rankings/compare?area="
                  + area
                  + "&policyB="
                  + URLEncoder.encode(policyB, StandardCharsets.UTF_8)
                  + "&limit="
                  + size,
              token);
      List<Object> ids = new ArrayList<>();
      for (String side : List.of("entering", "leaving")) {
        Answers.list(comparison.get(side))
            .forEach(placing -> ids.add(placing.get("perpetratorId")));
      }
      names = people.names(ids, token);
    }
    return Page.of(
        "analysis",
        "Compare a candidate policy",
        "areas",
        areas,
        "area",
        area,
        "active",
        active,
        "candidates",
        candidates,
        "policyB",
        policyB,
        "limit",
        limit == null ? 20 : limit,
        "comparison",
        comparison,
        "names",
        names);
  }

  /** A dead letter with the service that holds it. */
  public record HeldLetter(String service, Map<String, Object> letter) {}

  /** Waiting letters of one service from one topic for one reason: replayed together. */
  public record WaitingGroup(String service, String originalTopic, String reason, long count) {}

  /** The bulk replay form as posted. */
  public record GroupForm(@Nullable String originalTopic, @Nullable String reason) {}

  @Get("/dead-letters")
  @Secured(Roles.ADMIN)
  public ModelAndView<Map<String, Object>> deadLetters(SessionToken token) {
    List<HeldLetter> letters = new ArrayList<>();
    for (Service service : Service.values()) {
      Answers.items(services.get(service, "/api/v1/dead-letters?limit=200", token))
          .forEach(
              letter -> letters.add(new HeldLetter(service.name().toLowerCase(Locale.UK), letter)));
    }
    List<HeldLetter> waitingLetters =
        letters.stream().filter(held -> !"REPLAYED".equals(held.letter().get("status"))).toList();
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    for (HeldLetter held : waitingLetters) {
      counts.merge(
          List.of(
              held.service(),
              String.valueOf(held.letter().get("originalTopic")),
              String.valueOf(held.letter().get("reason"))),
          1L,
          Long::sum);
    }
    List<WaitingGroup> groups = new ArrayList<>();
    counts.forEach(
        (key, count) -> groups.add(new WaitingGroup(key.get(0), key.get(1), key.get(2), count)));
    return Page.of(
        "dead-letters",
        "Dead letters",
        "letters",
        letters,
        "waiting",
        waitingLetters.size(),
        "groups",
        groups);
  }

  /** Replays every waiting letter of a group, once the cause they share is fixed. */
  @Post("/dead-letters/{service}/replays")
  @Secured(Roles.ADMIN)
  public HttpResponse<?> replayGroup(
      @PathVariable String service, @Body GroupForm form, SessionToken token) {
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("originalTopic", form.originalTopic());
    selection.put("reason", form.reason());
    services.post(serviceNamed(service), "/api/v1/dead-letters/replays", selection, token);
    return Page.seeOther("/dead-letters");
  }

  @Post("/dead-letters/{service}/{id}/replay")
  @Secured(Roles.ADMIN)
  public HttpResponse<?> replay(
      @PathVariable String service, @PathVariable UUID id, SessionToken token) {
    services.post(serviceNamed(service), "/api/v1/dead-letters/" + id + "/replay", null, token);
    return Page.seeOther("/dead-letters");
  }

  @Get("/audit")
  @Secured(Roles.AUDITOR)
  public ModelAndView<Map<String, Object>> audit(SessionToken token) {
    Map<String, Map<String, Object>> chains = new LinkedHashMap<>();
    for (Service service : Service.values()) {
      chains.put(
          service.name().toLowerCase(Locale.UK),
          services.get(service, "/api/v1/audit/verification", token));
    }
    boolean intact =
        chains.values().stream().allMatch(chain -> Boolean.TRUE.equals(chain.get("intact")));
    return Page.of("audit", "Audit trail", "chains", chains, "intact", intact);
  }

  private static Service serviceNamed(String name) {
    for (Service service : Service.values()) {
      if (service.name().equalsIgnoreCase(name)) {
        return service;
      }
    }
    throw new ServiceRefusal(null, 404, "There is no service called " + name + ".", List.of());
  }
}
