package org.matac.events.access;

/** The roles a token may carry, as the partner contract names them. */
public final class Roles {
  public static final String PARTNER_SYSTEM = "PARTNER_SYSTEM";
  public static final String MATAC_COORDINATOR = "MATAC_COORDINATOR";
  public static final String CASEWORKER = "CASEWORKER";
  public static final String VICTIM_SAFETY_WORKER = "VICTIM_SAFETY_WORKER";

  /**
   * A practitioner of a MATAC member agency (police, probation, housing, children's services...):
   * sees and reports on the actions their agency owns, in the areas they work in, and nothing else.
   */
  public static final String PARTNER_PRACTITIONER = "PARTNER_PRACTITIONER";

  public static final String ANALYST = "ANALYST";
  public static final String AUDITOR = "AUDITOR";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
