package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.scores.ReadingScores;
import org.matac.scoring.domain.Score;
import org.matac.scoring.domain.ScoreHistoryEntry;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;

/** Explainable scores: the components, the flags, the policy and the evidence behind them. */
@Controller("/api/v1/scores")
@Secured({Roles.MATAC_COORDINATOR, Roles.ANALYST, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScoreController {

  private final ReadingScores scoring;
  private final Clock clock;

  public ScoreController(ReadingScores scoring, Clock clock) {
    this.scoring = scoring;
    this.clock = clock;
  }

  /** A score with the perpetrator it belongs to. */
  public record ScoreView(UUID perpetratorId, Score score) {}

  public record History(UUID perpetratorId, List<ScoreHistoryEntry> entries) {}

  @Get("/{perpetratorId}")
  public ScoreView score(
      @PathVariable UUID perpetratorId, @Nullable @QueryValue String asOf, Authentication caller) {
    Instant at = asOf == null ? clock.instant() : Instants.parse("asOf", asOf);
    return scoring
        .scoreOf(perpetratorId, at, Caller.of(caller))
        .map(score -> new ScoreView(perpetratorId, score))
        .orElseThrow(() -> Refused.notFound("Scoring holds no facts for " + perpetratorId + "."));
  }

  @Get("/{perpetratorId}/history")
  public History history(@PathVariable UUID perpetratorId, Authentication caller) {
    return new History(perpetratorId, scoring.historyOf(perpetratorId, Caller.of(caller)));
  }
}
