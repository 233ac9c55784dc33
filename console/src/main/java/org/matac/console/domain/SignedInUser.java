package org.matac.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.matac.events.access.Roles;

/**
 * The person a page is for, as their token says: who they are, what roles they hold, for which
 * agency and in which areas. The console decides nothing on this beyond which links to offer; the
 * services decide what may be seen.
 */
public record SignedInUser(String subject, Set<String> roles, String agency, List<String> areas) {

  public SignedInUser {
    roles = Set.copyOf(roles);
    areas = List.copyOf(areas);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** The page a person lands on after sign-in: their main daily task. */
  public String startPage() {
    if (has(Roles.MATAC_COORDINATOR)) {
      return "/rankings";
    }
    if (has(Roles.CASEWORKER)) {
      return "/referrals";
    }
    if (has(Roles.VICTIM_SAFETY_WORKER)) {
      return "/inbox";
    }
    if (has(Roles.PARTNER_PRACTITIONER)) {
      return "/actions";
    }
    if (has(Roles.ANALYST)) {
      return "/analysis";
    }
    if (has(Roles.ADMIN)) {
      return "/dead-letters";
    }
    if (has(Roles.AUDITOR)) {
      return "/audit";
    }
    return "/no-work";
  }

  /** The pages this person's roles give them, for the service navigation. */
  public List<NavigationItem> navigation() {
    List<NavigationItem> items = new ArrayList<>();
    if (has(Roles.MATAC_COORDINATOR)) {
      items.add(new NavigationItem("Ranked list", "/rankings"));
      items.add(new NavigationItem("Tasking cycles", "/cycles"));
    }
    if (has(Roles.CASEWORKER) || has(Roles.MATAC_COORDINATOR)) {
      items.add(new NavigationItem("Referrals", "/referrals"));
    }
    if (has(Roles.VICTIM_SAFETY_WORKER)) {
      items.add(new NavigationItem("Inbox", "/inbox"));
      items.add(new NavigationItem("Caseload", "/caseload"));
      items.add(new NavigationItem("Notification settings", "/preferences"));
    }
    if (has(Roles.PARTNER_PRACTITIONER)) {
      items.add(new NavigationItem("Your agency's actions", "/actions"));
    }
    if (has(Roles.ANALYST) || has(Roles.ADMIN)) {
      items.add(new NavigationItem("Compare policies", "/analysis"));
      items.add(new NavigationItem("Harm concentration", "/harm"));
    }
    if (has(Roles.ANALYST) || has(Roles.ADMIN) || has(Roles.MATAC_COORDINATOR)) {
      items.add(new NavigationItem("Partnership measures", "/measures"));
      items.add(new NavigationItem("Did it work?", "/outcomes"));
    }
    if (has(Roles.ADMIN)) {
      items.add(new NavigationItem("Dead letters", "/dead-letters"));
      items.add(new NavigationItem("Worker directory", "/worker-directory"));
    }
    if (has(Roles.AUDITOR)) {
      items.add(new NavigationItem("Audit trail", "/audit"));
    }
    return List.copyOf(items);
  }

  public record NavigationItem(String text, String href) {}
}
