package org.matac.scoring.application.scores;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.domain.RfgvScorer;
import org.matac.scoring.domain.Score;
import org.matac.scoring.domain.ScoreHistoryEntry;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.FactsStore;
import org.matac.scoring.persistence.ScoreStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * Answers a person's score for any instant by computing it from the stored facts, so a score "as
 * of" a date is exact whether asked live or later, and the history of stored scores. Reading an
 * assessment of a person is a consultation, audited with the read.
 */
@Singleton
public class ReadingScores {

  private final FactsStore facts;
  private final ScoreStore scores;
  private final PolicyCatalogue policies;
  private final ProfileJson json;
  private final AuditTrail audit;

  public ReadingScores(
      FactsStore facts,
      ScoreStore scores,
      PolicyCatalogue policies,
      ProfileJson json,
      AuditTrail audit) {
    this.facts = facts;
    this.scores = scores;
    this.policies = policies;
    this.json = json;
    this.audit = audit;
  }

  /** The score of a person at {@code asOf} under the active policy, from the stored facts. */
  @Transactional
  public Optional<Score> scoreOf(UUID perpetratorId, Instant asOf, Caller reader) {
    requireNeedToKnow(reader, perpetratorId);
    ScoringPolicy policy = policies.active();
    Optional<Score> score =
        facts
            .profile(perpetratorId)
            .map(
                profile ->
                    RfgvScorer.score(ProfileFactsMapper.of(json.read(profile)), policy, asOf));
    score.ifPresent(found -> consulted(reader, perpetratorId, "score read as of " + asOf));
    return score;
  }

  @Transactional
  public List<ScoreHistoryEntry> historyOf(UUID perpetratorId, Caller reader) {
    requireNeedToKnow(reader, perpetratorId);
    List<ScoreHistoryEntry> history = scores.history(perpetratorId);
    if (!history.isEmpty()) {
      consulted(reader, perpetratorId, "score history read");
    }
    return history;
  }

  /**
   * Analysts and admins read every score; a coordinator only those of people with an incident in
   * one of their areas. Anyone else is refused (403, audited as DENIED).
   */
  private void requireNeedToKnow(Caller reader, UUID perpetratorId) {
    if (reader.hasRole(Roles.ANALYST) || reader.hasRole(Roles.ADMIN)) {
      return;
    }
    if (facts.areasOf(perpetratorId).stream().noneMatch(reader.areas()::contains)) {
      throw Refused.forbidden("This person's score is outside your areas.");
    }
  }

  private void consulted(Caller reader, UUID perpetratorId, String purpose) {
    audit.record(
        AuditEntry.allowed(
            reader,
            AuditEntry.Action.CONSULTATION,
            "PERPETRATOR",
            perpetratorId.toString(),
            purpose));
  }
}
