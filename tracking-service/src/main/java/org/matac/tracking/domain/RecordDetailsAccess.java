package org.matac.tracking.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.matac.events.access.Roles;

/**
 * Which of a record's reported details a reader of the profile sees, by an allow-list. Everyone
 * with access to the profile sees the offending facts: statuses, outcomes, orders and their dates,
 * programmes and referral routes. What a partner typed in free text (bail conditions, MARAC and
 * referral reasons, notes) can name or describe a victim, and victims' references identify them:
 * those are for the people who work with victims or run MATAC (victim-safety workers, MATAC
 * coordinators, admins), not for perpetrator-programme caseworkers or analysts. A field no list
 * names (anything a partner added beyond the contract) is shown to nobody.
 */
public final class RecordDetailsAccess {

  /** Facts every reader of the profile needs. */
  static final Set<String> OFFENDING_FACTS =
      Set.of(
          "incidentRef",
          "incidentSource",
          "outcome",
          "orderRef",
          "orderType",
          "validFrom",
          "validUntil",
          "status",
          "programme",
          "referralRef",
          "referringAgency",
          "consentToShare",
          "pathway",
          "withdrawnType");

  /** Free text and victims' references: for victim safety and MATAC only. */
  static final Set<String> ABOUT_VICTIMS =
      Set.of(
          "conditions",
          "reason",
          "note",
          "protectedVictimRef",
          "victimRef",
          "victimSource",
          "workerId",
          "workerAgency");

  private RecordDetailsAccess() {}

  /** The details of one record as a reader with {@code roles} sees them, in their order. */
  public static Map<String, Object> visibleTo(Set<String> roles, Map<String, Object> details) {
    boolean aboutVictims = seesWhatNamesVictims(roles);
    Map<String, Object> visible = new LinkedHashMap<>();
    details.forEach(
        (field, value) -> {
          if (OFFENDING_FACTS.contains(field) || (aboutVictims && ABOUT_VICTIMS.contains(field))) {
            visible.put(field, value);
          }
        });
    return visible;
  }

  /**
   * Whether a reader with {@code roles} sees victims' references. Others see each incident's
   * victims by a stand-in that is the same for the same victim within one profile ({@code "victim
   * 1"}, {@code "victim 2"}), so repeat victimisation stays visible without the police reference.
   */
  public static boolean seesVictimReferences(Set<String> roles) {
    return seesWhatNamesVictims(roles);
  }

  private static boolean seesWhatNamesVictims(Set<String> roles) {
    return roles.contains(Roles.VICTIM_SAFETY_WORKER)
        || roles.contains(Roles.MATAC_COORDINATOR)
        || roles.contains(Roles.ADMIN);
  }
}
