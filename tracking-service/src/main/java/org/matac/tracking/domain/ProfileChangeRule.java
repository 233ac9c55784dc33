package org.matac.tracking.domain;

import java.util.Optional;
import java.util.Set;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged.ChangeKind;

/**
 * What a version of a partner record changes in the perpetrator's profile, in the words the profile
 * message gives its consumers. A worker assignment concerns the victim's side, not the profile; a
 * version that arrives after a later one changes only the past, and only for the records whose
 * history scores read (incidents and justice outcomes).
 */
public final class ProfileChangeRule {

  private static final Set<String> HAS_HISTORY =
      Set.of(EventType.INCIDENT_REPORTED.name(), EventType.JUSTICE_OUTCOME_RECORDED.name());

  private static final Set<String> VICTIM_SIDE =
      Set.of(EventType.SAFETY_WORKER_ASSIGNED.name(), EventType.SAFETY_WORKER_UNASSIGNED.name());

  private ProfileChangeRule() {}

  /**
   * The change a version that became current makes: {@code type} is the event's, {@code recordType}
   * the record's (they differ for a withdrawal), {@code newRecord} whether it is the record's first
   * current version.
   */
  public static Optional<ChangeKind> ofCurrent(
      EventType type, String recordType, boolean newRecord) {
    boolean incident = recordType.equals(EventType.INCIDENT_REPORTED.name());
    return switch (type) {
      case SAFETY_WORKER_ASSIGNED, SAFETY_WORKER_UNASSIGNED -> Optional.empty();
      case RECORD_WITHDRAWN ->
          VICTIM_SIDE.contains(recordType)
              ? Optional.empty()
              : Optional.of(incident ? ChangeKind.INCIDENT_WITHDRAWN : ChangeKind.RECORD_WITHDRAWN);
      case INCIDENT_REPORTED ->
          Optional.of(newRecord ? ChangeKind.INCIDENT_RECORDED : ChangeKind.INCIDENT_CORRECTED);
      default -> Optional.of(newRecord ? ChangeKind.RECORD_ADDED : ChangeKind.RECORD_CORRECTED);
    };
  }

  /** The change a version older than the current one makes: scores as of the past may change. */
  public static Optional<ChangeKind> ofEarlier(String recordType) {
    return HAS_HISTORY.contains(recordType)
        ? Optional.of(ChangeKind.EARLIER_VERSION_RECORDED)
        : Optional.empty();
  }
}
