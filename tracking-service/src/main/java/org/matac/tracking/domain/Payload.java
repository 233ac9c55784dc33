package org.matac.tracking.domain;

import java.util.List;

/**
 * An accepted envelope's payload, whose fields differ by event type (the contract's table), read by
 * name. Victims' contact details are reachable only through {@link #victims()}, for victim_contact.
 */
public interface Payload {

  /** The text of a top-level field, or {@code otherwise} when it is absent or null. */
  String text(String field, String otherwise);

  /** A top-level boolean field; false when absent. */
  boolean flag(String field);

  /** The victims an incident names, with the contact details a partner sent for each. */
  List<ReportedVictim> victims();

  /**
   * The payload as it may be kept with the record: never a victim's contact details, and the
   * victims themselves only when {@code withVictims}.
   */
  String keptJson(boolean withVictims);

  /** A victim as an incident names them. {@code contact} is null when none was sent. */
  record ReportedVictim(String victimRef, String dateOfBirth, Contact contact) {}

  /** A victim's contact details: kept only in victim_contact, for victim-safety roles. */
  record Contact(String address, String phone, String email) {}
}
