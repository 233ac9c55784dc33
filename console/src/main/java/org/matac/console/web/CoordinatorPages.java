package org.matac.console.web;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.matac.console.backends.People;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.console.domain.Movement;
import org.matac.console.domain.ScoreBreakdown;
import org.matac.console.domain.ScoreChart;
import org.matac.console.domain.SignedInUser;
import org.matac.console.domain.Timeline;
import org.matac.events.access.Roles;

/**
 * The coordinator's view of an area: who ranks highest now and how that moved since the last
 * published list, and each person's profile with the score explained, its history and the plan
 * agreed before.
 */
@Controller
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.MATAC_COORDINATOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CoordinatorPages {

  private static final int RANKED = 20;

  private final Services services;
  private final People people;
  private final Clock clock;
  private final ExecutorService calls;

  public CoordinatorPages(
      Services services,
      People people,
      Clock clock,
      @Named(TaskExecutors.BLOCKING) ExecutorService calls) {
    this.services = services;
    this.people = people;
    this.clock = clock;
    this.calls = calls;
  }

  /** A service call started now on another thread: a page waits for the slowest, not the sum. */
  private <T> CompletableFuture<T> started(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, calls);
  }

  /** A row of the ranked list, as the coordinator reads it. */
  public record RankedPerson(
      int rank,
      String perpetratorId,
      String name,
      Object total,
      Map<String, Object> flags,
      Movement movement,
      boolean member) {}

  @Get("/rankings{?area}")
  public ModelAndView<Map<String, Object>> rankings(
      @Nullable @QueryValue String area, Authentication authentication, SessionToken token) {
    SignedInUser user = Session.userOf(authentication);
    String chosen = Areas.chosen(user, area);
    CompletableFuture<Map<String, Object>> rankingCall =
        started(
            () ->
                services.get(
                    Service.SCORING,
                    "/api/v1/rankings?area=" + chosen + "&limit=" + RANKED,
                    token));
    CompletableFuture<Set<String>> membersCall =
        started(
            () ->
                Answers.items(
                        services.get(
                            Service.SCORING, "/api/v1/matac-members?area=" + chosen, token))
                    .stream()
                    .map(member -> member.get("perpetratorId").toString())
                    .collect(Collectors.toSet()));
    CompletableFuture<Map<String, Integer>> previousRanksCall =
        started(() -> previousRanks(chosen, token));
    Map<String, Object> ranking = Results.of(rankingCall);
    List<Map<String, Object>> entries = Answers.list(ranking.get("entries"));
    Set<String> members = Results.of(membersCall);
    Map<String, Integer> previousRanks = Results.of(previousRanksCall);
    Map<String, String> names =
        people.names(entries.stream().map(entry -> entry.get("perpetratorId")).toList(), token);
    List<RankedPerson> rows = new ArrayList<>();
    for (Map<String, Object> entry : entries) {
      String id = entry.get("perpetratorId").toString();
      Map<String, Object> score = Answers.map(entry.get("score"));
      int rank = ((Number) entry.get("rank")).intValue();
      rows.add(
          new RankedPerson(
              rank,
              id,
              names.get(id),
              score.get("total"),
              Answers.map(score.get("flags")),
              Movement.between(previousRanks.get(id), rank),
              members.contains(id)));
    }
    return Page.of(
        "rankings",
        "Ranked list for " + Formats.SHARED.words(chosen),
        "area",
        chosen,
        "areas",
        user.areas(),
        "rows",
        rows,
        "policyId",
        ranking.get("policyId"),
        "asOf",
        ranking.get("asOf"),
        "comparedWith",
        previousRanks.isEmpty() ? null : "the last published list");
  }

  /** Ranks on the area's latest published list, by person: what movement is measured against. */
  private Map<String, Integer> previousRanks(String area, SessionToken token) {
    Optional<Map<String, Object>> latest =
        Answers.items(
                services.get(
                    Service.SCORING,
                    "/api/v1/tasking-cycles?area=" + area + "&status=PUBLISHED",
                    token))
            .stream()
            .findFirst();
    if (latest.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> cycle =
        services.get(Service.SCORING, "/api/v1/tasking-cycles/" + latest.get().get("id"), token);
    Map<String, Integer> ranks = new HashMap<>();
    for (Map<String, Object> entry : Answers.list(cycle.get("entries"))) {
      if (entry.get("rank") instanceof Number rank) {
        ranks.put(entry.get("perpetratorId").toString(), rank.intValue());
      }
    }
    return ranks;
  }

  @Get("/people/{id}")
  public ModelAndView<Map<String, Object>> person(
      @PathVariable UUID id, Authentication authentication, SessionToken token) {
    SignedInUser user = Session.userOf(authentication);
    CompletableFuture<Map<String, Object>> scoreCall = started(() -> scoreOf(id, token));
    CompletableFuture<Map<String, Object>> historyCall =
        started(() -> services.get(Service.SCORING, "/api/v1/scores/" + id + "/history", token));
    CompletableFuture<List<Map<String, Object>>> actionsCall =
        started(
            () ->
                Answers.items(
                    services.get(
                        Service.SCORING, "/api/v1/matac-actions?perpetratorId=" + id, token)));
    CompletableFuture<Optional<Map<String, Object>>> membershipCall =
        started(() -> membershipOf(id, user, token));
    Map<String, Object> profile = Answers.map(people.profile(id, token).get("profile"));
    Map<String, Object> score = Results.of(scoreCall);
    List<ScoreChart.Score> history =
        Answers.list(Results.of(historyCall).get("entries")).stream()
            .map(
                entry ->
                    new ScoreChart.Score(
                        Instant.parse(entry.get("asOf").toString()),
                        ((Number) entry.get("total")).intValue()))
            .toList();
    List<Map<String, Object>> actions = Plans.marked(Results.of(actionsCall), LocalDate.now(clock));
    Optional<Map<String, Object>> membership = Results.of(membershipCall);
    return Page.of(
        "person",
        People.fullName(profile),
        "id",
        id,
        "name",
        People.fullName(profile),
        "profile",
        profile,
        "timeline",
        Timeline.of(profile),
        "score",
        score,
        "breakdown",
        score == null
            ? List.of()
            : ScoreBreakdown.of(score, weightsOf(score.get("policyId"), token)),
        "chart",
        ScoreChart.of(history, 480, 160),
        "actions",
        actions,
        "membership",
        membership.orElse(null),
        "errors",
        Map.of());
  }

  private Map<String, Object> scoreOf(UUID id, SessionToken token) {
    try {
      return Answers.map(services.get(Service.SCORING, "/api/v1/scores/" + id, token).get("score"));
    } catch (ServiceRefusal refused) {
      if (refused.status() == 404) {
        return null;
      }
      throw refused;
    }
  }

  /**
   * The component weights of the policy a score was made under, as the policy catalogue holds it.
   */
  private Map<String, Object> weightsOf(Object policyId, SessionToken token) {
    return Answers.items(services.get(Service.SCORING, "/api/v1/policies", token)).stream()
        .filter(version -> String.valueOf(policyId).equals(version.get("id")))
        .map(version -> Answers.map(Answers.map(version.get("policy")).get("weights")))
        .findFirst()
        .orElse(Map.of());
  }

  private Optional<Map<String, Object>> membershipOf(
      UUID id, SignedInUser user, SessionToken token) {
    for (String area : user.areas()) {
      Optional<Map<String, Object>> found =
          Answers.items(services.get(Service.SCORING, "/api/v1/matac-members?area=" + area, token))
              .stream()
              .filter(member -> id.toString().equals(member.get("perpetratorId")))
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The reason a coordinator gives for ending someone's time in MATAC. */
  public record DischargeForm(@Nullable String reason) {}

  @Post("/people/{id}/discharge")
  public HttpResponse<?> discharge(
      @PathVariable UUID id,
      @Body DischargeForm form,
      Authentication authentication,
      SessionToken token) {
    try {
      Map<String, Object> discharged =
          services.post(
              Service.SCORING,
              "/api/v1/matac-members/" + id + "/discharge",
              Map.of("reason", form.reason() == null ? "" : form.reason().trim()),
              token);
      return HttpResponse.ok(
          Page.of(
              "discharged",
              "Discharged from MATAC",
              "id",
              id,
              "discharged",
              discharged,
              "name",
              People.fullName(Answers.map(people.profile(id, token).get("profile")))));
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400) {
        throw refusal;
      }
      ModelAndView<Map<String, Object>> page = person(id, authentication, token);
      page.getModel()
          .orElseThrow()
          .put(
              "errors",
              FormErrors.of(
                  refusal,
                  Map.of("reason", "Reason for discharge"),
                  Map.of("reason", "Enter the reason for discharge"),
                  "reason"));
      return HttpResponse.badRequest(page);
    }
  }
}
