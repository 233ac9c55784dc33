package org.matac.tracking.application.intake;

import java.util.Map;

/**
 * The longest text each envelope field may hold, as docs/partner-contract.md lists them. Nothing a
 * partner sends is unbounded: a field far longer than any real value is a mapping error or an
 * attack, and it would be stored, indexed and carried in messages if it were accepted.
 */
public final class FieldLimits {

  /** For every text field not listed: codes, enumerated values, dates and ids. */
  public static final int OTHERWISE = 200;

  /** By field name, wherever the field appears in the envelope. */
  public static final Map<String, Integer> LONGEST =
      Map.ofEntries(
          Map.entry("source", 64),
          Map.entry("sourceReference", 128),
          Map.entry("area", 64),
          Map.entry("sourcePersonId", 128),
          Map.entry("pncId", 16),
          Map.entry("givenName", 100),
          Map.entry("familyName", 100),
          Map.entry("incidentRef", 128),
          Map.entry("incidentSource", 64),
          Map.entry("orderRef", 128),
          Map.entry("protectedVictimRef", 128),
          Map.entry("victimRef", 128),
          Map.entry("victimSource", 64),
          Map.entry("referralRef", 128),
          Map.entry("referringAgency", 64),
          Map.entry("workerId", 128),
          Map.entry("workerAgency", 64),
          Map.entry("workerEmail", 254),
          Map.entry("email", 254),
          Map.entry("phone", 32),
          Map.entry("address", 500),
          Map.entry("code", 32),
          Map.entry("description", 500),
          Map.entry("programme", 200),
          Map.entry("reason", 2000),
          Map.entry("conditions", 2000),
          Map.entry("note", 2000));

  private FieldLimits() {}

  static int longestOf(String field) {
    return LONGEST.getOrDefault(field, OTHERWISE);
  }
}
