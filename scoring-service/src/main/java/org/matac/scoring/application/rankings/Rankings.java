package org.matac.scoring.application.rankings;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.scores.ParsedFactsCache;
import org.matac.scoring.application.scores.ProfileFactsMapper;
import org.matac.scoring.application.scores.ProfileJson;
import org.matac.scoring.domain.PersonFacts;
import org.matac.scoring.domain.PolicyComparison;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.RfgvScorer;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.FactsStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.security.Caller;

/**
 * Ranks the people of an area at an instant by the policy's order, computed from the stored facts
 * so that a ranking at a past instant is reproduced exactly however many events arrived since.
 */
@Singleton
public class Rankings {

  private final FactsStore facts;
  private final PolicyCatalogue policies;
  private final ProfileJson json;
  private final AuditTrail audit;
  private final ParsedFactsCache parsedFacts;

  public Rankings(
      FactsStore facts,
      PolicyCatalogue policies,
      ProfileJson json,
      AuditTrail audit,
      ParsedFactsCache parsedFacts) {
    this.facts = facts;
    this.policies = policies;
    this.json = json;
    this.audit = audit;
    this.parsedFacts = parsedFacts;
  }

  /** Everyone whose latest incident in the window at {@code asOf} is in {@code area}, ranked. */
  @Transactional
  public List<Ranked> rank(String area, Instant asOf) {
    return candidates(area, asOf).stream().map(Candidate::ranked).toList();
  }

  /** Each person listed is a consultation, audited with the read. */
  public List<Ranked> consulted(Caller reader, List<Ranked> listed, String purpose) {
    listed.forEach(
        ranked ->
            audit.record(
                AuditEntry.allowed(
                    reader,
                    AuditEntry.Action.CONSULTATION,
                    "PERPETRATOR",
                    ranked.perpetratorId().toString(),
                    purpose)));
    return listed;
  }

  /** A person as ranked, with the facts the ranking read. */
  public record Candidate(Ranked ranked, PersonFacts facts) {}

  /**
   * Who enters and who leaves the area's top {@code limit} when policy B ranks the same people as
   * policy A; each person listed is an audited consultation.
   */
  @Transactional
  public PolicyComparison.Result compare(
      String area, Instant asOf, String policyA, String policyB, int limit, Caller reader) {
    List<Ranked> underA = rank(area, asOf, policies.version(policyA));
    List<Ranked> underB = rank(area, asOf, policies.version(policyB));
    PolicyComparison.Result result = PolicyComparison.compare(underA, underB, limit);
    String purpose =
        "comparison of " + policyA + " and " + policyB + " for " + area + " as of " + asOf;
    Stream.of(result.entering(), result.leaving(), result.staying())
        .flatMap(List::stream)
        .forEach(
            placing ->
                audit.record(
                    AuditEntry.allowed(
                        reader,
                        AuditEntry.Action.CONSULTATION,
                        "PERPETRATOR",
                        placing.perpetratorId().toString(),
                        purpose)));
    return result;
  }

  private List<Ranked> rank(String area, Instant asOf, ScoringPolicy policy) {
    return candidates(area, asOf, policy).stream().map(Candidate::ranked).toList();
  }

  /** Everyone the area's ranking holds at {@code asOf} under the active policy, in its order. */
  public List<Candidate> candidates(String area, Instant asOf) {
    return candidates(area, asOf, policies.active());
  }

  /**
   * The same ranking among {@code people} already read, for a caller that ranks one area at many
   * instants and need not read its people again for each.
   */
  public List<Candidate> candidatesAmong(
      List<ParsedFactsCache.Parsed> people, String area, Instant asOf) {
    return candidates(people, area, asOf, policies.active());
  }

  private List<Candidate> candidates(String area, Instant asOf, ScoringPolicy policy) {
    return candidates(parsedFacts.inArea(area), area, asOf, policy);
  }

  private static List<Candidate> candidates(
      List<ParsedFactsCache.Parsed> people, String area, Instant asOf, ScoringPolicy policy) {
    // Scoring each person is pure and independent: both cores share an area of thousands.
    return people.parallelStream()
        .map(
            parsed ->
                new Candidate(
                    new Ranked(
                        parsed.perpetratorId(),
                        RfgvScorer.score(parsed.facts(), policy, asOf),
                        parsed.tieBreakKey()),
                    parsed.facts()))
        .filter(candidate -> candidate.ranked().belongsTo(area))
        .sorted(Comparator.comparing(Candidate::ranked, Ranked.ORDER))
        .toList();
  }

  /**
   * One person as the area's ranking would hold them at {@code asOf}: empty when scoring has no
   * facts about them or their latest incident in the window is in another area.
   */
  @Transactional
  public Optional<Ranked> rankedIn(String area, UUID perpetratorId, Instant asOf) {
    ScoringPolicy policy = policies.active();
    return facts
        .profile(perpetratorId)
        .map(profile -> candidate(new FactsStore.StoredFacts(perpetratorId, profile), policy, asOf))
        .map(Candidate::ranked)
        .filter(ranked -> ranked.belongsTo(area));
  }

  /** The top of an area's ranking; each person returned is an audited consultation. */
  @Transactional
  public List<Ranked> top(String area, Instant asOf, int limit, Caller reader) {
    return consulted(
        reader,
        rank(area, asOf).stream().limit(limit).toList(),
        "ranking of " + area + " as of " + asOf);
  }

  public ScoringPolicy policy() {
    return policies.active();
  }

  private Candidate candidate(FactsStore.StoredFacts stored, ScoringPolicy policy, Instant asOf) {
    ProfileChanged.Profile profile = json.read(stored.profileJson());
    PersonFacts person = ProfileFactsMapper.of(profile);
    return new Candidate(
        new Ranked(
            stored.perpetratorId(),
            RfgvScorer.score(person, policy, asOf),
            ProfileFactsMapper.tieBreakKey(profile)),
        person);
  }
}
