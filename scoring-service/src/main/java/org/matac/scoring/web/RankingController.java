package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.rankings.Rankings;
import org.matac.scoring.application.tasking.TaskingCycles;
import org.matac.scoring.domain.PolicyComparison;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.Score;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;

/** An area's ranking at an instant, in the policy's order, for coordinators of that area. */
@Controller("/api/v1/rankings")
@Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class RankingController {

  private static final int MAX_LIMIT = 500;

  private final Rankings rankings;
  private final Clock clock;

  public RankingController(Rankings rankings, Clock clock) {
    this.rankings = rankings;
    this.clock = clock;
  }

  public record Entry(int rank, UUID perpetratorId, Score score) {}

  public record Ranking(String area, Instant asOf, String policyId, List<Entry> entries) {}

  /** The comparison of two policies' top N, with both policies named. */
  public record Comparison(
      String area,
      Instant asOf,
      String policyA,
      String policyB,
      int limit,
      List<PolicyComparison.Placing> entering,
      List<PolicyComparison.Placing> leaving,
      List<PolicyComparison.Placing> staying) {}

  /**
   * Who enters and who leaves the top {@code limit} of an area under policy B instead of policy A
   * (the active policy unless named), and why: a change can be tested before it is adopted.
   */
  @Get("/compare")
  public Comparison compare(
      @QueryValue String area,
      @Nullable @QueryValue String asOf,
      @Nullable @QueryValue String policyA,
      @QueryValue String policyB,
      @Nullable @QueryValue Integer limit,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    TaskingCycles.requireArea(caller, area);
    Instant at = asOf == null ? clock.instant() : Instants.parse("asOf", asOf);
    String a = policyA == null ? rankings.policy().id() : policyA;
    int size = limit == null ? rankings.policy().cohorts().matacTopN() : bounded(limit);
    PolicyComparison.Result result = rankings.compare(area, at, a, policyB, size, caller);
    return new Comparison(
        area, at, a, policyB, size, result.entering(), result.leaving(), result.staying());
  }

  private static int bounded(int limit) {
    return Math.max(1, Math.min(limit, MAX_LIMIT));
  }

  @Get
  public Ranking rank(
      @QueryValue String area,
      @Nullable @QueryValue String asOf,
      @Nullable @QueryValue Integer limit,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    TaskingCycles.requireArea(caller, area);
    Instant at = asOf == null ? clock.instant() : Instants.parse("asOf", asOf);
    int size = limit == null ? 20 : bounded(limit);
    List<Ranked> ranked = rankings.top(area, at, size, caller);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      entries.add(new Entry(i + 1, ranked.get(i).perpetratorId(), ranked.get(i).score()));
    }
    return new Ranking(area, at, rankings.policy().id(), entries);
  }
}
