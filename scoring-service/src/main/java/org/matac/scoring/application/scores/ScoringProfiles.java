package org.matac.scoring.application.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.events.Topics;
import org.matac.events.access.Roles;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.domain.RfgvScorer;
import org.matac.scoring.domain.Score;
import org.matac.scoring.domain.ScoreHistoryEntry;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.FactsStore;
import org.matac.scoring.persistence.ScoreStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.inbox.ProcessedMessages;
import org.matac.support.logging.Correlation;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.problem.ProblemException;
import org.matac.support.retention.Disposals;
import org.matac.support.security.Caller;

/**
 * Keeps every person's score current as tracking publishes profile changes, and answers scores for
 * any instant by computing them from the stored facts, so a score "as of" a date is exact whether
 * asked live or later.
 */
@Singleton
public class ScoringProfiles {

  static final String CONSUMER = "scoring.profile-changed";
  private static final Caller SERVICE = Caller.system("scoring-service", null);

  private final ProcessedMessages processed;
  private final FactsStore facts;
  private final ScoreStore scores;
  private final PolicyCatalogue policies;
  private final OutboxWriter outbox;
  private final ObjectMapper json;
  private final AuditTrail audit;
  private final Clock clock;
  private final Disposals disposals;

  public ScoringProfiles(
      ProcessedMessages processed,
      FactsStore facts,
      ScoreStore scores,
      PolicyCatalogue policies,
      OutboxWriter outbox,
      ObjectMapper json,
      AuditTrail audit,
      Clock clock,
      Disposals disposals) {
    this.disposals = disposals;
    this.processed = processed;
    this.facts = facts;
    this.scores = scores;
    this.policies = policies;
    this.outbox = outbox;
    this.json = json;
    this.audit = audit;
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
                            write(message.profile()),
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
    Set<UUID> announced = storeChanged(assessed, scores.currentOf(stored, policy.id()));
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
    if (!processed.recordFirstDelivery(CONSUMER, message.messageId().toString())
        || disposals.isDisposed(message.perpetratorId())) {
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
        write(message.profile()),
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
  void rescore(
      UUID perpetratorId,
      ProfileChanged.Profile profile,
      ScoringPolicy policy,
      Instant asOf,
      UUID causedBy) {
    Score score = RfgvScorer.score(ProfileFactsMapper.of(profile), policy, asOf);
    storeChanged(
        List.of(new ScoreStore.Change(perpetratorId, score, causedBy)),
        scores
            .current(perpetratorId, policy.id())
            .map(previous -> Map.of(perpetratorId, previous))
            .orElse(Map.of()));
  }

  /**
   * Stores and announces the assessments that differ from the ones stored before (an unchanged
   * person is left untouched and nobody is told), in batches.
   */
  private Set<UUID> storeChanged(List<ScoreStore.Change> assessed, Map<UUID, Score> before) {
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

  /**
   * Rescores, in one transaction, the next page of people after {@code after} and before {@code
   * before}; answers the last id of the page, or nothing when the range is done.
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
                            ProfileFactsMapper.of(read(stored.profileJson())), policy, asOf),
                        null))
            .toList();
    storeChanged(
        assessed,
        scores.currentOf(
            page.stream().map(FactsStore.StoredFacts::perpetratorId).toList(), policy.id()));
    return page.isEmpty()
        ? Optional.empty()
        : Optional.of(page.get(page.size() - 1).perpetratorId());
  }

  /**
   * The score of a person at {@code asOf} under the active policy, from the stored facts. Reading
   * an assessment of a person is a consultation, audited with the read.
   */
  @Transactional
  public Optional<Score> scoreOf(UUID perpetratorId, Instant asOf, Caller reader) {
    requireNeedToKnow(reader, perpetratorId);
    ScoringPolicy policy = policies.active();
    Optional<Score> score =
        facts
            .profile(perpetratorId)
            .map(profile -> RfgvScorer.score(ProfileFactsMapper.of(read(profile)), policy, asOf));
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
      throw ProblemException.forbidden("This person's score is outside your areas.");
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

  private String write(ProfileChanged.Profile profile) {
    try {
      return json.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A profile could not be written", e);
    }
  }

  private ProfileChanged.Profile read(String profile) {
    try {
      return json.readValue(profile, ProfileChanged.Profile.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
