package org.matac.scoring.application.scores;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.events.Topics;
import org.matac.events.scoring.ScoreChanged;
import org.matac.scoring.domain.Score;
import org.matac.scoring.persistence.ScoreStore;
import org.matac.support.outbox.OutboxWriter;

/**
 * Stores and announces the assessments that differ from the ones stored before, in batches: an
 * unchanged person is left untouched and nobody is told.
 */
@Singleton
class StoringScores {

  private final ScoreStore scores;
  private final OutboxWriter outbox;

  StoringScores(ScoreStore scores, OutboxWriter outbox) {
    this.scores = scores;
    this.outbox = outbox;
  }

  /** The people whose assessment changed, now stored and announced. */
  Set<UUID> storeChanged(List<ScoreStore.Change> assessed, Map<UUID, Score> before) {
    List<ScoreStore.Change> changed =
        assessed.stream()
            .filter(
                change -> {
                  Score previous = before.get(change.perpetratorId());
                  return previous == null || !previous.sameAssessmentAs(change.score());
                })
            .toList();
    scores.saveAll(changed);
    outbox.appendAll(
        Topics.SCORE_CHANGED,
        changed.stream()
            .map(
                change ->
                    new OutboxWriter.Keyed(
                        change.perpetratorId().toString(),
                        scoreChanged(change, before.get(change.perpetratorId()))))
            .toList());
    return changed.stream().map(ScoreStore.Change::perpetratorId).collect(Collectors.toSet());
  }

  private static ScoreChanged scoreChanged(ScoreStore.Change change, Score previous) {
    Score score = change.score();
    return new ScoreChanged(
        UUID.randomUUID(),
        change.perpetratorId().toString(),
        score.policyId(),
        score.asOf(),
        score.recency(),
        score.frequency(),
        score.harm(),
        score.gravity(),
        score.victims(),
        score.total(),
        previous == null ? null : previous.total(),
        new ScoreChanged.Flags(
            score.flags().serial(), score.flags().repeat(), score.flags().escalating()),
        change.causedBy());
  }
}
