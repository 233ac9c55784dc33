package org.matac.notification.domain;

/**
 * What a notice says, apart from whether it is sent: the title a worker scans in the inbox and the
 * sentence that tells them what happened. Notices name the perpetrator and what happened, never a
 * victim, and never copy a partner's free text (bail conditions, notes), which can name one.
 */
public final class NoticeWording {

  private NoticeWording() {}

  /** A notice's title and body. */
  public record Wording(String title, String body) {}

  private static String named(NotificationRules.Perpetrator perpetrator) {
    return perpetrator.displayName() + " (perpetrator " + perpetrator.id() + ")";
  }

  private static String reported(NotificationRules.NewRecord record) {
    return " on " + record.occurredAt() + ", reported by " + record.source() + ".";
  }

  static Wording newIncident(
      NotificationRules.Perpetrator perpetrator,
      NotificationRules.NewIncident incident,
      boolean againstANewVictim) {
    return new Wording(
        (againstANewVictim ? "URGENT: new incident against a new victim: " : "New incident: ")
            + perpetrator.displayName(),
        "A new incident involving "
            + named(perpetrator)
            + " was reported by "
            + incident.source()
            + " in "
            + incident.area()
            + ", occurring at "
            + incident.occurredAt()
            + "."
            + (againstANewVictim
                ? " It is against a victim not recorded with this perpetrator before."
                : ""));
  }

  static Wording releasedOrBailed(
      NotificationRules.Perpetrator perpetrator,
      NotificationRules.NewRecord record,
      boolean released) {
    String what = released ? "released from custody" : "bailed";
    return new Wording(
        "URGENT: " + perpetrator.displayName() + " " + what,
        named(perpetrator) + " was " + what + reported(record));
  }

  static Wording orderBreached(
      NotificationRules.Perpetrator perpetrator, NotificationRules.NewRecord record) {
    return new Wording(
        "URGENT: order breached by " + perpetrator.displayName(),
        named(perpetrator)
            + " breached protective order "
            + record.detail("orderRef")
            + reported(record));
  }

  static Wording orderIssued(
      NotificationRules.Perpetrator perpetrator, NotificationRules.NewRecord record) {
    return new Wording(
        "Protective order issued: " + perpetrator.displayName(),
        "A "
            + record.detail("orderType")
            + " was issued against "
            + named(perpetrator)
            + ", valid from "
            + record.detail("validFrom")
            + (record.detail("validUntil") == null ? "" : " until " + record.detail("validUntil"))
            + ".");
  }

  static Wording interventionEnded(
      NotificationRules.Perpetrator perpetrator,
      NotificationRules.NewRecord record,
      boolean droppedOut) {
    String ended = droppedOut ? "dropped out of" : "declined";
    return new Wording(
        perpetrator.displayName() + " " + ended + " a programme",
        named(perpetrator) + " " + ended + " a perpetrator programme" + reported(record));
  }

  static Wording tasked(NotificationRules.Perpetrator perpetrator, String area, String cycleDate) {
    return new Wording(
        "Tasked at MATAC: " + perpetrator.displayName(),
        named(perpetrator)
            + " was approved onto the "
            + area
            + " MATAC tasking list of "
            + cycleDate
            + ".");
  }

  static Wording orderEnding(
      NotificationRules.Perpetrator perpetrator, NotificationRules.Order order) {
    return new Wording(
        "Protective order ending soon: " + perpetrator.displayName(),
        "A "
            + (order.orderType() == null ? "protective order" : order.orderType())
            + " against "
            + named(perpetrator)
            + " ends at "
            + order.validUntil()
            + ".");
  }

  static Wording flagSet(
      NotificationRules.Perpetrator perpetrator, Notice.Kind kind, String policyId) {
    String flag = kind == Notice.Kind.SERIAL_FLAG_SET ? "serial" : "escalating";
    return new Wording(
        "Now flagged " + flag + ": " + perpetrator.displayName(),
        named(perpetrator) + " is now flagged " + flag + " under scoring policy " + policyId + ".");
  }
}
