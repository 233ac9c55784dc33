package org.matac.tracking.domain;

import java.util.Collection;
import java.util.Set;
import org.matac.events.access.Roles;

/**
 * Who may read a perpetrator's profile: analysts and admins every profile; a MATAC coordinator
 * those with an incident or a MATAC referral in their areas; a caseworker those with a referral in
 * their agency's queue in their areas; a victim-safety worker those linked to a victim they are
 * assigned to. Anyone else learns only that a profile exists (search and signpost).
 */
public final class ProfileAccess {

  /**
   * What is known of a profile's reach: its incident areas, referral queues and assigned workers.
   */
  public record Reach(
      Set<String> incidentAreas, Set<Queue> referralQueues, Set<String> assignedWorkers) {}

  /** A referral's place: the receiving agency and the area, which may be unknown. */
  public record Queue(String agency, String area) {}

  /**
   * Which parts of a profile's reach can decide for a reader with these roles, so that the others
   * need not be looked up: an analyst's read needs none, a coordinator's no assigned workers.
   */
  public record Needs(boolean incidentAreas, boolean referralQueues, boolean assignedWorkers) {}

  public static Needs needs(Set<String> roles) {
    if (roles.contains(Roles.ANALYST) || roles.contains(Roles.ADMIN)) {
      return new Needs(false, false, false);
    }
    boolean coordinator = roles.contains(Roles.MATAC_COORDINATOR);
    return new Needs(
        coordinator,
        coordinator || roles.contains(Roles.CASEWORKER),
        roles.contains(Roles.VICTIM_SAFETY_WORKER));
  }

  private ProfileAccess() {}

  public static boolean mayRead(
      Set<String> roles, String subject, String agency, Collection<String> areas, Reach reach) {
    if (roles.contains(Roles.ANALYST) || roles.contains(Roles.ADMIN)) {
      return true;
    }
    if (roles.contains(Roles.MATAC_COORDINATOR)
        && (reach.incidentAreas().stream().anyMatch(areas::contains)
            || reach.referralQueues().stream()
                .anyMatch(
                    queue -> queue.agency().equals("MATAC") && areas.contains(queue.area())))) {
      return true;
    }
    if (roles.contains(Roles.CASEWORKER)
        && reach.referralQueues().stream()
            .anyMatch(
                queue ->
                    queue.agency().equals(agency)
                        && (queue.area() == null || areas.contains(queue.area())))) {
      return true;
    }
    return roles.contains(Roles.VICTIM_SAFETY_WORKER) && reach.assignedWorkers().contains(subject);
  }
}
