package org.matac.scoring.application.cohorts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.matac.events.FieldError;
import org.matac.scoring.application.rankings.Rankings;
import org.matac.scoring.application.scores.ParsedFactsCache;
import org.matac.scoring.domain.AroundEntry;
import org.matac.scoring.domain.KaplanMeier;
import org.matac.scoring.domain.MatchedComparison;
import org.matac.scoring.domain.PersonFacts;
import org.matac.scoring.domain.ReferralDecision;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.domain.TaskingCycle;
import org.matac.scoring.persistence.ReferralDecisionStore;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AreaReports;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * Did MATAC, or a programme, work in an area? Everyone taken on whose year after entry has passed
 * is compared with people who met the same entry rule at the same time and were not taken on (for
 * MATAC, in the same cycle; for a programme, screened by the same agency in the same quarter),
 * three ways, each labelled with its strength: the descriptive before and after, the matched
 * comparison, and the time to a first re-offence. {@code strata} counts the cycles, or agency
 * quarters, compared within. Figures are about groups; the pairs themselves are never returned.
 */
@Singleton
public class OutcomeReports {

  public static final int FEWEST_PEOPLE = HarmReports.FEWEST_PEOPLE;

  /** The programmes a referral can be accepted onto, besides MATAC itself. */
  public static final Set<String> PROGRAMMES = Set.of("CARA", "DVPP", "DRIVE", "OUTREACH");

  static final int RESAMPLES = 1_000;
  private static final int[] AT_RISK_ON = {0, 91, 182, 273, 365};

  /** Printed with every result: what none of the designs can rule out. */
  public static final List<String> CAVEATS =
      List.of(
          "Regression to the mean: people are taken on at a peak of their recorded offending, so"
              + " their figures fall afterwards whatever is done. Only the matched comparison"
              + " allows for it, and only as well as the match is balanced.",
          "Police data measure what was reported and recorded, not abuse itself: a fall can be"
              + " fewer reports, and closer attention can raise them.",
          "Time at risk: time in custody after entry is not subtracted, so a person remanded or"
              + " imprisoned looks as if they stopped.",
          "Displacement: harm to new victims, or in another area, counts only where a partner"
              + " recorded it.",
          "Small numbers: intervals are wide for an area's handful of cycles; no estimate is made"
              + " under "
              + MatchedComparison.FEWEST_PAIRS
              + " matched pairs.");

  private final TaskingStore cycles;
  private final Rankings rankings;
  private final ParsedFactsCache parsedFacts;
  private final ReferralDecisionStore referralDecisions;
  private final AreaReports reports;

  public OutcomeReports(
      TaskingStore cycles,
      Rankings rankings,
      ParsedFactsCache parsedFacts,
      ReferralDecisionStore referralDecisions,
      AreaReports reports) {
    this.cycles = cycles;
    this.rankings = rankings;
    this.parsedFacts = parsedFacts;
    this.referralDecisions = referralDecisions;
    this.reports = reports;
  }

  /** The mean of one measure per period among the people described. */
  public record MeanPeriods(MatchedComparison.Measure measure, AroundEntry.Periods mean) {}

  /**
   * Design (a), not an impact estimate: how the people taken on did in the year before the year
   * before entry, the year before and the year after.
   */
  public record BeforeAfter(int people, List<MeanPeriods> means) {}

  /** Design (b), with its balance table and estimates, without the person-level pairs. */
  public record Matched(
      int treated,
      int pool,
      int pairs,
      int unmatched,
      MatchedComparison.Strength strength,
      List<MatchedComparison.Balance> balance,
      List<MatchedComparison.Estimate> estimates,
      List<Double> treatedMonthlyHarm,
      List<Double> comparisonMonthlyHarm) {}

  /** Design (c): the matched groups' time to a first incident after entry. */
  public record Survival(KaplanMeier.Curve treated, KaplanMeier.Curve comparison) {}

  public record Report(
      String intervention,
      String area,
      Instant asOf,
      String policyId,
      String harmWeights,
      int strata,
      int takenOn,
      int notYetEligible,
      BeforeAfter beforeAfter,
      Matched matched,
      Survival survival,
      int resamples,
      long seed,
      List<String> caveats) {}

  private record Arms(
      List<MatchedComparison.Subject> treated, List<MatchedComparison.Subject> pool) {}

  @Transactional
  public Report matac(String area, Instant asOf, long seed, Caller reader) {
    reports.consult(reader, area, "MATAC outcomes as of " + asOf);
    ScoringPolicy policy = rankings.policy();
    // A cycle published after asOf was not known then: leaving it out keeps a report reproducible.
    List<TaskingCycle.Cycle> published =
        cycles.cycles(Optional.of(area), Optional.of(TaskingCycle.Status.PUBLISHED.name())).stream()
            .filter(cycle -> !cycle.publishedAt().isAfter(asOf))
            .toList();
    Map<UUID, List<Instant>> takenOnAt = new HashMap<>();
    Map<TaskingCycle.Cycle, List<TaskingCycle.Entry>> entries = new HashMap<>();
    for (TaskingCycle.Cycle cycle : published) {
      entries.put(cycle, cycles.entries(cycle.id()));
      for (TaskingCycle.Entry entry : entries.get(cycle)) {
        if (entry.joins()) {
          takenOnAt
              .computeIfAbsent(entry.perpetratorId(), id -> new ArrayList<>())
              .add(cycle.asOf());
        }
      }
    }
    List<ParsedFactsCache.Parsed> people = parsedFacts.inArea(area);
    Map<UUID, PersonFacts> facts = factsOf(people);
    Arms arms = new Arms(new ArrayList<>(), new ArrayList<>());
    int takenOn = 0;
    int notYetEligible = 0;
    for (TaskingCycle.Cycle cycle : published) {
      List<TaskingCycle.Entry> joined =
          entries.get(cycle).stream().filter(TaskingCycle.Entry::joins).toList();
      takenOn += joined.size();
      if (!AroundEntry.followedUp(cycle.asOf(), asOf)) {
        notYetEligible += joined.size();
        continue;
      }
      addCycle(cycle, entries.get(cycle), takenOnAt, people, facts, policy, asOf, arms);
    }
    return report(
        "MATAC", area, asOf, seed, policy, published.size(), takenOn, notYetEligible, arms);
  }

  /**
   * Whether a programme worked in an area: everyone accepted onto its pathway whose year after
   * acceptance has passed, against people the same agency screened and declined or closed in the
   * same quarter (each compared from their own decision), never anyone accepted onto any pathway
   * before or within the year compared.
   */
  @Transactional
  public Report programme(String pathway, String area, Instant asOf, long seed, Caller reader) {
    reports.consult(reader, area, pathway + " outcomes as of " + asOf);
    ScoringPolicy policy = rankings.policy();
    List<ReferralDecision> decisions =
        referralDecisions.inArea(area).stream()
            .filter(decision -> !decision.decidedAt().isAfter(asOf))
            .toList();
    Map<UUID, List<Instant>> acceptedAt = new HashMap<>();
    decisions.stream()
        .filter(ReferralDecision::accepted)
        .forEach(
            decision ->
                acceptedAt
                    .computeIfAbsent(decision.perpetratorId(), id -> new ArrayList<>())
                    .add(decision.decidedAt()));
    Map<UUID, PersonFacts> facts = factsOf(parsedFacts.inArea(area));
    Arms arms = new Arms(new ArrayList<>(), new ArrayList<>());
    Set<String> strata = new HashSet<>();
    int takenOn = 0;
    int notYetEligible = 0;
    for (ReferralDecision decision : decisions) {
      boolean entered = decision.entered(pathway);
      takenOn += entered ? 1 : 0;
      if (!AroundEntry.followedUp(decision.decidedAt(), asOf)) {
        notYetEligible += entered ? 1 : 0;
        continue;
      }
      boolean comparable =
          !decision.accepted()
              && AroundEntry.untakenThrough(
                  acceptedAt.getOrDefault(decision.perpetratorId(), List.of()),
                  decision.decidedAt());
      if (!entered && !comparable) {
        continue;
      }
      String stratum = decision.agency() + " " + quarterOf(decision.decidedAt());
      if (entered) {
        strata.add(stratum);
      }
      Optional.ofNullable(facts.get(decision.perpetratorId()))
          .map(
              held ->
                  subjectOf(
                      decision.perpetratorId(), stratum, decision.decidedAt(), held, policy, asOf))
          .ifPresent(entered ? arms.treated()::add : arms.pool()::add);
    }
    return report(pathway, area, asOf, seed, policy, strata.size(), takenOn, notYetEligible, arms);
  }

  private static Map<UUID, PersonFacts> factsOf(List<ParsedFactsCache.Parsed> people) {
    Map<UUID, PersonFacts> facts = new HashMap<>();
    people.forEach(parsed -> facts.put(parsed.perpetratorId(), parsed.facts()));
    return facts;
  }

  private static String quarterOf(Instant at) {
    YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
    return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
  }

  private static Report report(
      String intervention,
      String area,
      Instant asOf,
      long seed,
      ScoringPolicy policy,
      int strata,
      int takenOn,
      int notYetEligible,
      Arms arms) {
    if (arms.treated().size() < FEWEST_PEOPLE) {
      throw Refused.invalid(
          "Too few people taken on in "
              + area
              + " have been followed for a whole year to report on without pointing at someone:"
              + " wait for more follow-up, or choose a larger area.",
          List.of(
              new FieldError(
                  "area",
                  "fewer than "
                      + FEWEST_PEOPLE
                      + " people taken on whose year after entry has passed")));
    }
    MatchedComparison.Result result =
        MatchedComparison.compare(arms.treated(), arms.pool(), RESAMPLES, seed);
    List<MatchedComparison.Subject> matchedTreated =
        result.pairs().stream().map(MatchedComparison.Pair::treated).toList();
    List<MatchedComparison.Subject> matchedComparison =
        result.pairs().stream().map(MatchedComparison.Pair::comparison).toList();
    return new Report(
        intervention,
        area,
        asOf,
        policy.id(),
        policy.gravityTable().id(),
        strata,
        takenOn,
        notYetEligible,
        beforeAfter(arms.treated()),
        new Matched(
            result.treated(),
            result.pool(),
            result.pairs().size(),
            result.unmatched(),
            result.strength(),
            result.balance(),
            result.estimates(),
            monthlyMean(matchedTreated),
            monthlyMean(matchedComparison)),
        new Survival(survival(matchedTreated), survival(matchedComparison)),
        RESAMPLES,
        seed,
        CAVEATS);
  }

  /**
   * The cycle's people taken on, and its comparisons: those who met the entry rule at the cycle's
   * instant (proposed and rejected, or ranked below the list) and were not taken on before it or
   * within the year after it, by this cycle or a later one.
   */
  private void addCycle(
      TaskingCycle.Cycle cycle,
      List<TaskingCycle.Entry> entries,
      Map<UUID, List<Instant>> takenOnAt,
      List<ParsedFactsCache.Parsed> people,
      Map<UUID, PersonFacts> facts,
      ScoringPolicy policy,
      Instant asOf,
      Arms arms) {
    Function<UUID, Optional<MatchedComparison.Subject>> subject =
        id ->
            Optional.ofNullable(facts.get(id))
                .map(
                    held -> subjectOf(id, cycle.id().toString(), cycle.asOf(), held, policy, asOf));
    Set<UUID> onTheList = new HashSet<>();
    Set<UUID> rejectedProposals = new HashSet<>();
    for (TaskingCycle.Entry entry : entries) {
      onTheList.add(entry.perpetratorId());
      if (entry.joins()) {
        subject.apply(entry.perpetratorId()).ifPresent(arms.treated()::add);
      }
      if (entry.kind() == TaskingCycle.EntryKind.PROPOSED
          && entry.decision() == TaskingCycle.Decision.REJECT) {
        rejectedProposals.add(entry.perpetratorId());
      }
    }
    for (Rankings.Candidate candidate :
        rankings.candidatesAmong(people, cycle.area(), cycle.asOf())) {
      UUID id = candidate.ranked().perpetratorId();
      boolean rejectedProposal = rejectedProposals.contains(id);
      boolean belowTheList = !onTheList.contains(id) && candidate.ranked().isMatacCandidate(policy);
      if ((rejectedProposal || belowTheList)
          && AroundEntry.untakenThrough(takenOnAt.getOrDefault(id, List.of()), cycle.asOf())) {
        subject.apply(id).ifPresent(arms.pool()::add);
      }
    }
  }

  private static MatchedComparison.Subject subjectOf(
      UUID id,
      String stratum,
      Instant index,
      PersonFacts facts,
      ScoringPolicy policy,
      Instant asOf) {
    return new MatchedComparison.Subject(
        id.toString(),
        stratum,
        AroundEntry.measure(
            facts.incidentsKnownAt(asOf), index, facts.dateOfBirth(), policy.gravityTable()));
  }

  private static BeforeAfter beforeAfter(List<MatchedComparison.Subject> treated) {
    List<MeanPeriods> means = new ArrayList<>();
    for (MatchedComparison.Measure measure : MatchedComparison.Measure.values()) {
      means.add(
          new MeanPeriods(
              measure,
              AroundEntry.Periods.meanOf(
                  treated.stream().map(subject -> measure.of(subject.measures())).toList())));
    }
    return new BeforeAfter(treated.size(), means);
  }

  private static List<Double> monthlyMean(List<MatchedComparison.Subject> people) {
    List<Double> means = new ArrayList<>();
    for (int month = 0; month < 2 * AroundEntry.MONTHS_EACH_SIDE; month++) {
      int index = month;
      means.add(
          people.stream()
              .mapToDouble(subject -> subject.measures().monthlyHarm().get(index))
              .average()
              .orElse(0));
    }
    return means;
  }

  private static KaplanMeier.Curve survival(List<MatchedComparison.Subject> people) {
    return KaplanMeier.estimate(
        people.stream()
            .map(
                subject ->
                    KaplanMeier.Followed.of(
                        subject.measures().daysToFirstIncident(), (int) AroundEntry.YEAR.toDays()))
            .toList(),
        AT_RISK_ON);
  }
}
