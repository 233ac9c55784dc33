package org.matac.scoring.application.scores;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.domain.RfgvScorer;
import org.matac.scoring.domain.Score;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.FactsStore;
import org.matac.scoring.persistence.ScoreStore;
import org.matac.support.logging.Correlation;
import org.matac.support.retention.Disposals;
import org.matac.support.security.Caller;

/**
 * Keeps every person's score current as tracking publishes profile changes: the facts kept, the
 * person scored under the active policy, and a change announced when the assessment changed.
 */
@Singleton
public class ScoringProfiles {

  static final String CONSUMER = "scoring.profile-changed";
  private static final Caller SERVICE = Caller.system("scoring-service", null);

  private final Disposals disposals;
  private final FactsStore facts;
  private final ScoreStore scores;
  private final PolicyCatalogue policies;
  private final StoringScores storing;
  private final ProfileJson json;
  private final Clock clock;

  public ScoringProfiles(
      Disposals disposals,
      FactsStore facts,
      ScoreStore scores,
      PolicyCatalogue policies,
      StoringScores storing,
      ProfileJson json,
      Clock clock) {
    this.disposals = disposals;
    this.facts = facts;
    this.scores = scores;
    this.policies = policies;
    this.storing = storing;
    this.json = json;
    this.clock = clock;
  }

  /** Erases a person tracking disposed of after a retention review, once. */
  @Transactional
  public void onPerpetratorDisposed(PerpetratorDisposed message) {
    disposals.onPerpetratorDisposed(message, "scoring.perpetrator-disposed", SERVICE);
  }

  /**
   * A poll's profile changes as a set, with the effect of {@link #onProfileChanged} on each in
   * order: one statement for their delivery records, one for the disposed among them, one for the
   * facts, one read of the scores before and one write of those that changed. A poll that folds one
   * profile into another is taken message by message, since the order of a fold and a later message
   * about either person matters.
   */
  @Transactional
  public void onProfilesChanged(List<ProfileChanged> messages) {
    boolean folds =
        messages.stream()
            .flatMap(message -> message.changes().stream())
            .anyMatch(change -> change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED);
    if (folds) {
      messages.forEach(this::onProfileChanged);
      return;
    }
    // The newest version of each person's profile among the messages that count.
    Map<UUID, ProfileChanged> newest = new LinkedHashMap<>();
    for (ProfileChanged message :
        disposals.firstDeliveriesAboutKeptPeople(
            CONSUMER, messages, ProfileChanged::messageId, ProfileChanged::perpetratorId)) {
      newest.merge(
          UUID.fromString(message.perpetratorId()),
          message,
          (kept, other) -> other.profileVersion() > kept.profileVersion() ? other : kept);
    }
    if (newest.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Set<UUID> stored =
        facts.storeAllIfNewer(
            newest.values().stream()
                .map(
                    message ->
                        new FactsStore.NewFacts(
                            UUID.fromString(message.perpetratorId()),
                            message.profileVersion(),
                            json.write(message.profile()),
                            areasOf(message.profile())))
                .toList(),
            now);
    if (stored.isEmpty()) {
      return;
    }
    ScoringPolicy policy = policies.active();
    List<ScoreStore.Change> assessed =
        stored.stream()
            .map(
                id -> {
                  ProfileChanged message = newest.get(id);
                  return new ScoreStore.Change(
                      id,
                      RfgvScorer.score(ProfileFactsMapper.of(message.profile()), policy, now),
                      message.messageId());
                })
            .toList();
    Set<UUID> announced = storing.storeChanged(assessed, scores.currentOf(stored, policy.id()));
    for (ScoreStore.Change change : assessed) {
      ProfileChanged message = newest.get(change.perpetratorId());
      Correlation.within(
          message.causedByEventId(),
          () -> scored(change, message, announced.contains(change.perpetratorId())));
    }
  }

  private static void scored(ScoreStore.Change change, ProfileChanged message, boolean announced) {
    Correlation.step(
        "Person {} scored from profile change {}: total {} under {}, {}",
        change.perpetratorId(),
        message.messageId(),
        change.score().total(),
        change.score().policyId(),
        announced ? "changed" : "unchanged");
  }

  /** Every area the profile places the person in, now or, by an earlier version, in the past. */
  private static Set<String> areasOf(ProfileChanged.Profile profile) {
    Set<String> areas = new HashSet<>();
    profile.incidents().forEach(incident -> areas.add(incident.area()));
    profile.versions().stream()
        .filter(version -> version.incident() != null)
        .forEach(version -> areas.add(version.incident().area()));
    areas.remove(null);
    return areas;
  }

  @Transactional
  public void onProfileChanged(ProfileChanged message) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
        CONSUMER, message.messageId(), message.perpetratorId())) {
      // Read again after a disposal (a replay from the beginning), it must not restore the person.
      return;
    }
    Instant now = clock.instant();
    for (ProfileChanged.Change change : message.changes()) {
      if (change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED) {
        UUID absorbed = UUID.fromString(change.reference());
        facts.delete(absorbed);
        scores.delete(absorbed);
      }
    }
    UUID perpetratorId = UUID.fromString(message.perpetratorId());
    if (!facts.storeIfNewer(
        perpetratorId,
        message.profileVersion(),
        json.write(message.profile()),
        areasOf(message.profile()),
        now)) {
      return;
    }
    Correlation.within(
        message.causedByEventId(),
        () -> {
          rescore(perpetratorId, message.profile(), policies.active(), now, message.messageId());
          Correlation.step(
              "Person {} scored from profile change {}", perpetratorId, message.messageId());
        });
  }

  /**
   * Scores one person under {@code policy} at {@code asOf}; stores and publishes the score only
   * when the assessment differs from the one stored for that policy.
   */
  private void rescore(
      UUID perpetratorId,
      ProfileChanged.Profile profile,
      ScoringPolicy policy,
      Instant asOf,
      UUID causedBy) {
    Score score = RfgvScorer.score(ProfileFactsMapper.of(profile), policy, asOf);
    storing.storeChanged(
        List.of(new ScoreStore.Change(perpetratorId, score, causedBy)),
        scores
            .current(perpetratorId, policy.id())
            .map(previous -> Map.of(perpetratorId, previous))
            .orElse(Map.of()));
  }
}
