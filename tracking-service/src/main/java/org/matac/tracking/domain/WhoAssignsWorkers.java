package org.matac.tracking.domain;

import java.util.Optional;
import java.util.Set;
import org.matac.events.FieldError;

/**
 * Only a worker's own agency assigns them to a victim or ends the assignment. A feed that could
 * name any worker would let that worker read the perpetrator's profile and hear of what they do, so
 * a partner's word about another agency's staff is refused, not recorded.
 */
public final class WhoAssignsWorkers {

  private WhoAssignsWorkers() {}

  /** An assignment names the worker's agency, which must be the sending agency. */
  public static Optional<FieldError> assignment(String source, String workerAgency) {
    if (source.equals(workerAgency)) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldError(
            "payload.workerAgency",
            "must be your own agency, "
                + source
                + ": an agency assigns only its own workers; ask "
                + workerAgency
                + " to send this assignment"));
  }

  /**
   * An unassignment does not name the worker's agency; the agencies that assigned the worker do. A
   * worker nobody has assigned yet may be unassigned by anyone: it ends nothing, and refusing it
   * would lose the fact when it arrives before the assignment it ends.
   */
  public static Optional<FieldError> unassignment(
      String source, String workerId, Set<String> agenciesThatAssignedTheWorker) {
    if (agenciesThatAssignedTheWorker.isEmpty() || agenciesThatAssignedTheWorker.contains(source)) {
      return Optional.empty();
    }
    return Optional.of(
        new FieldError(
            "payload.workerId",
            "worker "
                + workerId
                + " belongs to another agency: only the agency that assigned them may end the"
                + " assignment"));
  }
}
