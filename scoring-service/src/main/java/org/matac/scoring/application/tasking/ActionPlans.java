package org.matac.scoring.application.tasking;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.scoring.domain.MatacAction;
import org.matac.scoring.domain.OwnedAction;
import org.matac.scoring.domain.TaskingCycle;
import org.matac.scoring.persistence.ActionPlanStore;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * The action plan of each person approved onto a MATAC list: what each agency will do, with which
 * tactic, by whom and by when. It is agreed against the approving cycle and reviewed in the next.
 */
@Singleton
public class ActionPlans {

  public enum Tactic {
    SUPPORT,
    PREVENTION,
    DIVERSION,
    DISRUPTION,
    ENFORCEMENT
  }

  public enum Status {
    OPEN,
    IN_PROGRESS,
    COMPLETED,
    NOT_ACHIEVED
  }

  public record NewAction(
      String agency, Tactic tactic, String description, String owner, LocalDate dueDate) {}

  /** What may change on an action once agreed; everything else is fixed when it is agreed. */
  public record Change(
      int version, Optional<Status> status, Optional<String> owner, Optional<LocalDate> dueDate) {}

  private final ActionPlanStore store;
  private final TaskingStore cycles;
  private final AuditTrail audit;
  private final Clock clock;

  public ActionPlans(ActionPlanStore store, TaskingStore cycles, AuditTrail audit, Clock clock) {
    this.store = store;
    this.cycles = cycles;
    this.audit = audit;
    this.clock = clock;
  }

  /** Agrees an action for a person whose entry on the cycle a coordinator approved. */
  @Transactional
  public MatacAction add(UUID cycleId, UUID perpetratorId, NewAction action, Caller coordinator) {
    TaskingCycle.Cycle cycle =
        cycles
            .cycle(cycleId, false)
            .orElseThrow(() -> Refused.notFound("No tasking cycle " + cycleId + "."));
    TaskingCycles.requireArea(coordinator, cycle.area());
    TaskingCycle.Entry entry =
        cycles.entries(cycleId).stream()
            .filter(candidate -> candidate.perpetratorId().equals(perpetratorId))
            .findFirst()
            .orElseThrow(() -> Refused.notFound(perpetratorId + " is not on this cycle."));
    if (entry.decision() != TaskingCycle.Decision.APPROVE) {
      throw Refused.conflict(
          "An action plan is for a person a coordinator approved; decide the entry first.");
    }
    MatacAction agreed =
        new MatacAction(
            UUID.randomUUID(),
            perpetratorId,
            cycle.area(),
            cycleId,
            action.agency(),
            action.tactic().name(),
            action.description(),
            action.owner(),
            action.dueDate(),
            Status.OPEN.name(),
            1,
            coordinator.subject(),
            clock.instant(),
            null,
            null,
            null);
    store.add(agreed);
    audited(coordinator, perpetratorId, "action agreed on tasking cycle " + cycleId);
    return agreed;
  }

  /** Changes an action's status, owner or due date, refusing an edit based on a stale read. */
  @Transactional
  public MatacAction change(UUID actionId, Change change, Caller coordinator) {
    MatacAction current =
        store.action(actionId).orElseThrow(() -> Refused.notFound("No action " + actionId + "."));
    TaskingCycles.requireArea(coordinator, current.area());
    boolean changed =
        store.update(
            actionId,
            change.version(),
            change.status().map(Status::name).orElse(current.status()),
            change.owner().orElse(current.owner()),
            change.dueDate().orElse(current.dueDate()),
            coordinator.subject(),
            clock.instant());
    if (!changed) {
      throw Refused.conflict(
          "Action "
              + actionId
              + " is at version "
              + current.version()
              + ", not "
              + change.version()
              + ": someone changed it since you read it. Read it again and reapply your change.");
    }
    audited(coordinator, current.perpetratorId(), "action " + actionId + " updated");
    return store.action(actionId).orElseThrow();
  }

  /** A partner agency's progress report on an action it owns: status and notes, version-checked. */
  public record Report(int version, Status status, String notes) {}

  /** The actions the practitioner's agency owns in their areas; each person read is audited. */
  @Transactional
  public List<AgencyAction> ownedBy(Caller practitioner) {
    List<OwnedAction> owned = store.ownedBy(practitioner.agency(), practitioner.areas());
    owned.stream()
        .map(owning -> owning.action().perpetratorId())
        .distinct()
        .forEach(
            perpetratorId ->
                audit.record(
                    AuditEntry.allowed(
                        practitioner,
                        AuditEntry.Action.CONSULTATION,
                        "PERPETRATOR",
                        perpetratorId.toString(),
                        "agency's MATAC actions read")));
    return owned.stream().map(AgencyAction::of).toList();
  }

  /** An action as its owning agency reads it: with the name of the person it concerns. */
  public record AgencyAction(
      @JsonUnwrapped MatacAction action, String givenName, String familyName, LocalDate cycleDate) {

    static AgencyAction of(OwnedAction owned) {
      return new AgencyAction(
          owned.action(), owned.givenName(), owned.familyName(), owned.cycleDate());
    }
  }

  /**
   * Records the owning agency's progress on an action. Another agency's action, or one outside the
   * practitioner's areas, is not found: whether it exists is not theirs to know.
   */
  @Transactional
  public MatacAction report(UUID actionId, Report report, Caller practitioner) {
    MatacAction current =
        store
            .action(actionId)
            .filter(action -> action.agency().equals(practitioner.agency()))
            .filter(action -> practitioner.areas().contains(action.area()))
            .orElseThrow(() -> Refused.notFound("Your agency owns no action " + actionId + "."));
    if (!store.report(
        actionId,
        report.version(),
        report.status().name(),
        report.notes(),
        practitioner.subject(),
        clock.instant())) {
      throw Refused.conflict(
          "Someone changed this action since you read version "
              + report.version()
              + ": it is now "
              + current.status()
              + " (version "
              + current.version()
              + ", by "
              + (current.updatedBy() == null ? current.createdBy() : current.updatedBy())
              + "). Read it again and reapply your change.");
    }
    audited(practitioner, current.perpetratorId(), "action " + actionId + " reported on");
    return store.action(actionId).orElseThrow();
  }

  /**
   * A person's action plans in the coordinator's areas, latest cycle first: what a profile shows as
   * the plan agreed before. Each read is a consultation of the person, audited with it.
   */
  @Transactional
  public List<MatacAction> ofPerson(UUID perpetratorId, Caller coordinator) {
    List<MatacAction> actions = store.ofPerson(perpetratorId, coordinator.areas());
    if (!actions.isEmpty()) {
      audit.record(
          AuditEntry.allowed(
              coordinator,
              AuditEntry.Action.CONSULTATION,
              "PERPETRATOR",
              perpetratorId.toString(),
              "action plans read"));
    }
    return actions;
  }

  /**
   * The plan shown beside an entry: for a review, every action of the person's current time in
   * MATAC; otherwise the actions agreed on this cycle.
   */
  public List<MatacAction> besides(TaskingCycle.Cycle cycle, TaskingCycle.Entry entry) {
    LocalDate from =
        entry.kind() == TaskingCycle.EntryKind.REVIEW
            ? store
                .memberSince(entry.perpetratorId(), cycle.area(), cycle.cycleDate())
                .orElse(cycle.cycleDate())
            : cycle.cycleDate();
    return store.agreedBetween(entry.perpetratorId(), cycle.area(), from, cycle.cycleDate());
  }

  private void audited(Caller coordinator, UUID perpetratorId, String purpose) {
    audit.record(
        AuditEntry.allowed(
            coordinator,
            AuditEntry.Action.ALTERATION,
            "PERPETRATOR",
            perpetratorId.toString(),
            purpose));
  }
}
