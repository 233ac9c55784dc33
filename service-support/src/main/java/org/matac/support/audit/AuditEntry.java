package org.matac.support.audit;

import java.util.Set;
import org.matac.support.security.Caller;

/**
 * One audited act on personal data, as DPA 2018 s.62 asks: who (actor, agency, roles), what (action
 * on a subject), why (purpose), to whom (recipient, for disclosures), and whether it was allowed.
 * It never holds the personal data itself.
 */
public record AuditEntry(
    String actor,
    String agency,
    Set<String> roles,
    Action action,
    String subjectType,
    String subjectId,
    String purpose,
    String recipient,
    Outcome outcome) {

  public enum Action {
    COLLECTION,
    ALTERATION,
    CONSULTATION,
    DISCLOSURE,
    COMBINATION,
    ERASURE
  }

  public enum Outcome {
    ALLOWED,
    DENIED
  }

  /** An allowed act by a caller with a token. */
  public static AuditEntry allowed(
      Caller caller, Action action, String subjectType, String subjectId, String purpose) {
    return new AuditEntry(
        caller.subject(),
        caller.agency(),
        caller.roles(),
        action,
        subjectType,
        subjectId,
        purpose,
        null,
        Outcome.ALLOWED);
  }

  /**
   * A report about groups of people in an area was read. It names no one, but it was made from
   * their records, so who read which report, and when, is kept like any other consultation.
   */
  public static AuditEntry reportRead(Caller caller, String area, String report) {
    return allowed(caller, Action.CONSULTATION, "AREA", area, report + " read");
  }

  /** The same act, disclosed to {@code recipient}. */
  public AuditEntry disclosedTo(String recipient) {
    return new AuditEntry(
        actor,
        agency,
        roles,
        Action.DISCLOSURE,
        subjectType,
        subjectId,
        purpose,
        recipient,
        outcome);
  }
}
