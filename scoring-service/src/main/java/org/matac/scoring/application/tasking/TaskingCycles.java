package org.matac.scoring.application.tasking;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.scoring.application.rankings.Rankings;
import org.matac.scoring.domain.MatacAction;
import org.matac.scoring.domain.MatacMembership;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.Refusal;
import org.matac.scoring.domain.TaskingCycle;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * The monthly MATAC cycle for an area, as coordinators work it: each command loads the cycle, asks
 * {@link TaskingCycle} (which holds the rules), stores what it decided and records who did what.
 * Publishing starts and ends MATAC memberships and tells the partnership.
 */
@Singleton
public class TaskingCycles {

  /** A cycle with its entries, as a coordinator reads it. */
  public record CycleView(TaskingCycle.Cycle cycle, List<EntryView> entries) {}

  /** An entry with the action plan beside it, carried from earlier cycles for a review. */
  public record EntryView(@JsonUnwrapped TaskingCycle.Entry entry, List<MatacAction> actions) {}

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

  /** Drafts the cycle for {@code area} on {@code cycleDate} from the ranking at that date. */
  @Transactional
  public CycleView draft(String area, LocalDate cycleDate, Caller coordinator) {
    requireArea(coordinator, area);
    List<TaskingCycle.Member> members =
        store.activeIn(area).stream()
            .map(member -> new TaskingCycle.Member(member.perpetratorId(), member.entryTotal()))
            .toList();
    TaskingCycle cycle =
        TaskingCycle.draft(
            UUID.randomUUID(),
            area,
            cycleDate,
            rankings.policy(),
            rankings.rank(area, TaskingCycle.asOf(cycleDate)),
            members,
            coordinator.subject(),
            clock.instant());
    if (!store.createCycle(cycle.cycle())) {
      throw Refused.conflict(
          "There is already a tasking cycle for " + area + " on " + cycleDate + ".");
    }
    cycle.entries().forEach(entry -> store.addEntry(cycle.cycle().id(), entry));
    return view(cycle.cycle().id(), coordinator);
  }

  /** Adds a person a coordinator asks for, for example a MATAC-pathway referral, with a reason. */
  @Transactional
  public CycleView add(UUID cycleId, UUID perpetratorId, String reason, Caller coordinator) {
    TaskingCycle cycle = forChange(cycleId, coordinator);
    Optional<Ranked> standing =
        rankings.rankedIn(cycle.cycle().area(), perpetratorId, cycle.cycle().asOf());
    TaskingCycle.Entry added =
        cycle.add(perpetratorId, standing, reason).orElseThrow(TaskingCycles::problem);
    store.addEntry(cycleId, added);
    audited(
        coordinator,
        AuditEntry.Action.ALTERATION,
        perpetratorId,
        "added to tasking cycle " + cycleId);
    return view(cycleId, coordinator);
  }

  @Transactional
  public CycleView decide(
      UUID cycleId,
      UUID perpetratorId,
      TaskingCycle.Decision decision,
      String reason,
      Caller coordinator) {
    TaskingCycle.Entry decided =
        forChange(cycleId, coordinator)
            .decide(perpetratorId, decision, coordinator.subject(), reason, clock.instant())
            .orElseThrow(TaskingCycles::problem);
    store.decide(cycleId, decided);
    audited(
        coordinator,
        AuditEntry.Action.ALTERATION,
        perpetratorId,
        "tasking decision " + decision + " on cycle " + cycleId);
    return view(cycleId, coordinator);
  }

  /**
   * Publishes the list: the members not continued are discharged, and each approved newcomer
   * becomes a member, disclosed to the partnership and announced.
   */
  @Transactional
  public CycleView publish(UUID cycleId, Caller coordinator) {
    Instant now = clock.instant();
    TaskingCycle.Publication publication =
        forChange(cycleId, coordinator)
            .publish(coordinator.subject(), now)
            .orElseThrow(TaskingCycles::problem);
    TaskingCycle.Cycle cycle = publication.cycle();
    store.publish(cycle);
    for (TaskingCycle.Leaving leaving : publication.leaving()) {
      store
          .activeMembership(leaving.perpetratorId())
          .ifPresent(
              membership ->
                  store.discharge(
                      membership,
                      coordinator.subject(),
                      leaving.reason(),
                      leaving.exitTotal(),
                      now));
    }
    for (TaskingCycle.Entry entry : publication.joining()) {
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
          new MatacMembership(entry.perpetratorId(), cycle.area(), cycleId, entry.total()), now);
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
              entry.kind().name(),
              entry.rank(),
              entry.total(),
              publication.joining().size()));
    }
    return view(cycleId, coordinator);
  }

  /** A discharge: the entry score beside the exit score. */
  public record Discharged(
      UUID perpetratorId, String area, int entryTotal, int exitTotal, String reason) {}

  /** Ends a person's MATAC membership, recording the reason and the exit score beside the entry. */
  @Transactional
  public Discharged discharge(UUID perpetratorId, String reason, Caller coordinator) {
    MatacMembership membership =
        store
            .activeMembership(perpetratorId)
            .orElseThrow(() -> Refused.notFound(perpetratorId + " is not active in MATAC."));
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
    TaskingCycle.Cycle cycle =
        store
            .cycle(cycleId, false)
            .orElseThrow(() -> Refused.notFound("No tasking cycle " + cycleId + "."));
    requireArea(reader, cycle.area());
    List<TaskingCycle.Entry> entries = store.entries(cycleId);
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
  public List<MatacMembership> members(String area, Caller reader) {
    requireArea(reader, area);
    List<MatacMembership> members = store.activeIn(area);
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
  public List<TaskingCycle.Cycle> list(
      Optional<String> area, Optional<String> status, Caller reader) {
    area.ifPresent(value -> requireArea(reader, value));
    return store.cycles(area, status).stream()
        .filter(cycle -> reader.readsArea(cycle.area()))
        .toList();
  }

  /** A coordinator works only their token's areas; analysts and admins see every area. */
  public static void requireArea(Caller caller, String area) {
    if (!caller.readsArea(area)) {
      throw Refused.forbidden("You do not coordinate area " + area + ".");
    }
  }

  /** The cycle, locked for a change, if the caller coordinates its area. */
  private TaskingCycle forChange(UUID cycleId, Caller coordinator) {
    TaskingCycle.Cycle cycle =
        store
            .cycle(cycleId, true)
            .orElseThrow(() -> Refused.notFound("No tasking cycle " + cycleId + "."));
    requireArea(coordinator, cycle.area());
    return TaskingCycle.of(cycle, store.entries(cycleId));
  }

  private static Refused problem(Refusal refusal) {
    return switch (refusal.kind()) {
      case NOT_FOUND -> Refused.notFound(refusal.message());
      case CONFLICT -> Refused.conflict(refusal.message());
    };
  }

  private void audited(
      Caller caller, AuditEntry.Action action, UUID perpetratorId, String purpose) {
    audit.record(
        AuditEntry.allowed(caller, action, "PERPETRATOR", perpetratorId.toString(), purpose));
  }
}
