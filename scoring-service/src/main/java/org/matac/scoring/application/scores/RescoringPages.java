package org.matac.scoring.application.scores;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.domain.RfgvScorer;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.FactsStore;
import org.matac.scoring.persistence.ScoreStore;

/** One page of a rescore, in its own transaction. */
@Singleton
class RescoringPages {

  private final FactsStore facts;
  private final ScoreStore scores;
  private final PolicyCatalogue policies;
  private final StoringScores storing;
  private final ProfileJson json;

  RescoringPages(
      FactsStore facts,
      ScoreStore scores,
      PolicyCatalogue policies,
      StoringScores storing,
      ProfileJson json) {
    this.facts = facts;
    this.scores = scores;
    this.policies = policies;
    this.storing = storing;
    this.json = json;
  }

  /**
   * Rescores the next page of people after {@code after} and before {@code before}; answers the
   * last id of the page, or nothing when the range is done.
   */
  @Transactional
  public Optional<UUID> rescorePage(
      Optional<UUID> after, Optional<UUID> before, int size, Instant asOf) {
    ScoringPolicy policy = policies.active();
    List<FactsStore.StoredFacts> page = facts.page(after, before, size);
    // Parsing and scoring are pure and take most of the time: both cores share them.
    List<ScoreStore.Change> assessed =
        page.parallelStream()
            .map(
                stored ->
                    new ScoreStore.Change(
                        stored.perpetratorId(),
                        RfgvScorer.score(
                            ProfileFactsMapper.of(json.read(stored.profileJson())), policy, asOf),
                        null))
            .toList();
    storing.storeChanged(
        assessed,
        scores.currentOf(
            page.stream().map(FactsStore.StoredFacts::perpetratorId).toList(), policy.id()));
    return page.isEmpty()
        ? Optional.empty()
        : Optional.of(page.get(page.size() - 1).perpetratorId());
  }
}
