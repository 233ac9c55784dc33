package org.matac.scoring.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.events.Topics;
import org.matac.events.access.Roles;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.ActionPlanStore;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.problem.ProblemException;
import org.matac.support.security.Caller;

/**
 * The monthly MATAC cycle for an area: a draft from the ranking, a named coordinator's decision on
 * every entry, then a published list. Nobody goes onto a list by score alone (DPA 2018 s.50A-D): an
 * entry counts only once a named person approved it, and a list with an undecided entry cannot be
 * published.
 */
@Singleton
public class TaskingCycles {

  public enum Decision {
    APPROVE,
    REJECT
  }

  /** A cycle with its entries, as a coordinator reads it. */
  public record CycleView(TaskingStore.Cycle cycle, List<EntryView> entries) {}

  /** An entry with the action plan beside it, carried from earlier cycles for a review. */
  public record EntryView(
      @JsonUnwrapped TaskingStore.Entry entry, List<ActionPlanStore.Action> actions) {}

  private final TaskingStore store;
  private final Rankings rankings;
  private final OutboxWriter outbox;
  private final AuditTrail audit;
  private final Clock clock;
  private final ActionPlans plans;

  public TaskingCycles(
      TaskingStore store,
      Rankings rankings,
      OutboxWriter outbox,
      AuditTrail audit,
      Clock clock,
      ActionPlans plans) {
    this.plans = plans;
    this.store = store;
    this.rankings = rankings;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Drafts the cycle for {@code area} on {@code cycleDate}, scored as of that date's start: the
   * policy's top N candidates not already active in MATAC as PROPOSED, and every active member as
   * REVIEW with their entry score beside today's.
   */
  @Transactional
  public CycleView draft(String area, LocalDate cycleDate, Caller coordinator) {
    requireArea(coordinator, area);
    Instant asOf = cycleDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    ScoringPolicy policy = rankings.policy();
    TaskingStore.Cycle cycle =
        new TaskingStore.Cycle(
            UUID.randomUUID(),
            area,
            cycleDate,
            asOf,
            policy.id(),
            "DRAFT",
            coordinator.subject(),
            clock.instant(),
            null,
            null);
    if (!store.createCycle(cycle)) {
      throw ProblemException.conflict(
          "There is already a tasking cycle for " + area + " on " + cycleDate + ".");
    }
    List<Ranked> ranking = rankings.rank(area, asOf);
    Map<UUID, Ranked> byPerson = new HashMap<>();
    ranking.forEach(ranked -> byPerson.put(ranked.perpetratorId(), ranked));
    List<TaskingStore.Membership> active = store.activeIn(area);
    Set<UUID> activeIds =
        active.stream().map(TaskingStore.Membership::perpetratorId).collect(Collectors.toSet());

    int rank = 0;
    for (Ranked candidate : ranking) {
      if (rank == policy.cohorts().matacTopN()) {
        break;
      }
      if (!candidate.isMatacCandidate(policy) || activeIds.contains(candidate.perpetratorId())) {
        continue;
      }
      rank++;
      store.addEntry(
          cycle.id(), entry(candidate.perpetratorId(), "PROPOSED", rank, candidate, null, null));
    }
    for (TaskingStore.Membership member : active) {
      Ranked today = byPerson.get(member.perpetratorId());
      store.addEntry(
          cycle.id(),
          entry(member.perpetratorId(), "REVIEW", null, today, member.entryTotal(), null));
    }
    return view(cycle.id(), coordinator);
  }

  /** Adds a person a coordinator asks for, for example a MATAC-pathway referral, with a reason. */
  @Transactional
  public CycleView add(UUID cycleId, UUID perpetratorId, String reason, Caller coordinator) {
    TaskingStore.Cycle cycle = draftOrConflict(cycleId, coordinator);
    Ranked current = rankings.rankedIn(cycle.area(), perpetratorId, cycle.asOf()).orElse(null);
    if (!store.addEntry(cycleId, entry(perpetratorId, "ADDED", null, current, null, reason))) {
      throw ProblemException.conflict(perpetratorId + " is already on this cycle.");
    }
    audited(
        coordinator,
        AuditEntry.Action.ALTERATION,
        perpetratorId,
        "added to tasking cycle " + cycleId);
    return view(cycleId, coordinator);
  }

  @Transactional
  public CycleView decide(
      UUID cycleId, UUID perpetratorId, Decision decision, String reason, Caller coordinator) {
    draftOrConflict(cycleId, coordinator);
    if (!store.decide(
        cycleId, perpetratorId, decision.name(), coordinator.subject(), reason, clock.instant())) {
      boolean onCycle =
          store.entries(cycleId).stream().anyMatch(e -> e.perpetratorId().equals(perpetratorId));
      throw onCycle
          ? ProblemException.conflict("That entry was already decided; decisions are final.")
          : ProblemException.notFound(perpetratorId + " is not on this cycle.");
    }
    audited(
        coordinator,
        AuditEntry.Action.ALTERATION,
        perpetratorId,
        "tasking decision " + decision + " on cycle " + cycleId);
    return view(cycleId, coordinator);
  }

  /**
   * Freezes the list and publishes it; approved PROPOSED and ADDED entries become active members,
   * and a member whose review was rejected is discharged with the cycle's score as the exit score.
   * Refused with 409 while any entry is undecided.
   */
  @Transactional
  public CycleView publish(UUID cycleId, Caller coordinator) {
    TaskingStore.Cycle cycle = draftOrConflict(cycleId, coordinator);
    List<TaskingStore.Entry> entries = store.entries(cycleId);
    long undecided = entries.stream().filter(entry -> entry.decision() == null).count();
    if (undecided > 0) {
      throw ProblemException.conflict(
          undecided + " entries are undecided: every entry needs a named decision first.");
    }
    Instant now = clock.instant();
    store.publish(cycleId, coordinator.subject(), now);
    for (TaskingStore.Entry review : entries) {
      if ("REVIEW".equals(review.kind()) && "REJECT".equals(review.decision())) {
        store
            .activeMembership(review.perpetratorId())
            .ifPresent(
                membership ->
                    store.discharge(
                        membership,
                        coordinator.subject(),
                        "not continued at the review of cycle "
                            + cycleId
                            + ": "
                            + review.decisionReason(),
                        review.total(),
                        now));
      }
    }
    List<TaskingStore.Entry> approved =
        entries.stream()
            .filter(entry -> "APPROVE".equals(entry.decision()))
            .filter(entry -> !"REVIEW".equals(entry.kind()))
            .toList();
    for (TaskingStore.Entry entry : approved) {
      // The published list goes to every agency at the meeting: a disclosure of each name on it.
      audit.record(
          AuditEntry.allowed(
                  coordinator,
                  AuditEntry.Action.DISCLOSURE,
                  "PERPETRATOR",
                  entry.perpetratorId().toString(),
                  "published on the tasking list of cycle " + cycleId)
              .disclosedTo("MATAC partnership, " + cycle.area()));
      store.startMembership(
          new TaskingStore.Membership(entry.perpetratorId(), cycle.area(), cycleId, entry.total()),
          now);
      outbox.append(
          Topics.TASKING_LIST_PUBLISHED,
          entry.perpetratorId().toString(),
          new TaskingListPublished(
              UUID.randomUUID(),
              cycleId,
              cycle.area(),
              cycle.cycleDate(),
              now,
              coordinator.subject(),
              cycle.policyId(),
              entry.perpetratorId().toString(),
              entry.kind(),
              entry.rank(),
              entry.total(),
              approved.size()));
    }
    return view(cycleId, coordinator);
  }

  /** A discharge: the entry score beside the exit score. */
  public record Discharged(
      UUID perpetratorId, String area, int entryTotal, int exitTotal, String reason) {}

  /** Ends a person's MATAC membership, recording the reason and the exit score beside the entry. */
  @Transactional
  public Discharged discharge(UUID perpetratorId, String reason, Caller coordinator) {
    TaskingStore.Membership membership =
        store
            .activeMembership(perpetratorId)
            .orElseThrow(
                () -> ProblemException.notFound(perpetratorId + " is not active in MATAC."));
    requireArea(coordinator, membership.area());
    int exitTotal =
        rankings
            .rankedIn(membership.area(), perpetratorId, clock.instant())
            .map(ranked -> ranked.score().total())
            .orElse(0);
    store.discharge(membership, coordinator.subject(), reason, exitTotal, clock.instant());
    audited(coordinator, AuditEntry.Action.ALTERATION, perpetratorId, "discharged from MATAC");
    return new Discharged(
        perpetratorId, membership.area(), membership.entryTotal(), exitTotal, reason);
  }

  @Transactional
  public CycleView view(UUID cycleId, Caller reader) {
    TaskingStore.Cycle cycle =
        store
            .cycle(cycleId, false)
            .orElseThrow(() -> ProblemException.notFound("No tasking cycle " + cycleId + "."));
    requireArea(reader, cycle.area());
    List<TaskingStore.Entry> entries = store.entries(cycleId);
    entries.forEach(
        entry ->
            audited(
                reader,
                AuditEntry.Action.CONSULTATION,
                entry.perpetratorId(),
                "tasking cycle " + cycleId + " read"));
    return new CycleView(
        cycle,
        entries.stream().map(entry -> new EntryView(entry, plans.besides(cycle, entry))).toList());
  }

  /** Who is active in MATAC in an area: approved on a published list and not yet discharged. */
  @Transactional
  public List<TaskingStore.Membership> members(String area, Caller reader) {
    requireArea(reader, area);
    List<TaskingStore.Membership> members = store.activeIn(area);
    members.forEach(
        member ->
            audited(
                reader,
                AuditEntry.Action.CONSULTATION,
                member.perpetratorId(),
                "MATAC members of " + area + " read"));
    return members;
  }

  @Transactional
  public List<TaskingStore.Cycle> list(
      Optional<String> area, Optional<String> status, Caller reader) {
    area.ifPresent(value -> requireArea(reader, value));
    return store.cycles(area, status).stream()
        .filter(cycle -> mayRead(reader, cycle.area()))
        .toList();
  }

  /** A coordinator works only their token's areas; analysts and admins see every area. */
  public static void requireArea(Caller caller, String area) {
    if (!mayRead(caller, area)) {
      throw ProblemException.forbidden("You do not coordinate area " + area + ".");
    }
  }

  private static boolean mayRead(Caller caller, String area) {
    return caller.hasRole(Roles.ANALYST)
        || caller.hasRole(Roles.ADMIN)
        || caller.areas().contains(area);
  }

  private TaskingStore.Cycle draftOrConflict(UUID cycleId, Caller coordinator) {
    TaskingStore.Cycle cycle =
        store
            .cycle(cycleId, true)
            .orElseThrow(() -> ProblemException.notFound("No tasking cycle " + cycleId + "."));
    requireArea(coordinator, cycle.area());
    if (!"DRAFT".equals(cycle.status())) {
      throw ProblemException.conflict("Tasking cycle " + cycleId + " is published and frozen.");
    }
    return cycle;
  }

  private static TaskingStore.Entry entry(
      UUID perpetratorId,
      String kind,
      Integer rank,
      Ranked today,
      Integer entryTotal,
      String reason) {
    return new TaskingStore.Entry(
        perpetratorId,
        kind,
        rank,
        today == null ? 0 : today.score().total(),
        today == null ? java.math.BigDecimal.ZERO : today.score().harm(),
        today != null && today.score().flags().serial(),
        entryTotal,
        reason,
        null,
        null,
        null,
        null);
  }

  private void audited(
      Caller caller, AuditEntry.Action action, UUID perpetratorId, String purpose) {
    audit.record(
        AuditEntry.allowed(caller, action, "PERPETRATOR", perpetratorId.toString(), purpose));
  }
}
