package org.matac.events.access;

/** The roles a token may carry, as the partner contract names them. */
public final class Roles {
  public static final String PARTNER_SYSTEM = "PARTNER_SYSTEM";
  public static final String MATAC_COORDINATOR = "MATAC_COORDINATOR";
  public static final String CASEWORKER = "CASEWORKER";
  public static final String VICTIM_SAFETY_WORKER = "VICTIM_SAFETY_WORKER";
  public static final String ANALYST = "ANALYST";
  public static final String AUDITOR = "AUDITOR";
  public static final String ADMIN = "ADMIN";

  private Roles() {}
}
