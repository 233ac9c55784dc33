package org.matac.notification.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Who must hear what: the rules, as plain functions of what happened and who is linked. */
public final class NotificationRules {

  private NotificationRules() {}

  /** A perpetrator as a notice names them: their name as reported, and the project's id. */
  public record Perpetrator(String id, String givenName, String familyName) {

    String displayName() {
      String name =
          ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName))
              .trim();
      return name.isEmpty() ? "Unnamed person" : name;
    }
  }

  /** A newly recorded incident of a perpetrator. */
  public record NewIncident(
      String source,
      String sourceReference,
      Instant occurredAt,
      String area,
      Set<VictimKey> victims) {}

  /**
   * Every worker linked to the perpetrator hears of a new incident; it is urgent when it is against
   * a victim not seen before with this perpetrator, because that is how serial abuse shows.
   */
  public static List<Notice> newIncident(
      Perpetrator perpetrator,
      NewIncident incident,
      Set<VictimKey> victimsSeenBefore,
      Collection<String> linkedWorkers) {
    boolean againstANewVictim = !victimsSeenBefore.containsAll(incident.victims());
    String title =
        (againstANewVictim ? "URGENT: new incident against a new victim: " : "New incident: ")
            + perpetrator.displayName();
    String body =
        "A new incident involving "
            + perpetrator.displayName()
            + " (perpetrator "
            + perpetrator.id()
            + ") was reported by "
            + incident.source()
            + " in "
            + incident.area()
            + ", occurring at "
            + incident.occurredAt()
            + "."
            + (againstANewVictim
                ? " It is against a victim not recorded with this perpetrator before."
                : "");
    String factKey = "INCIDENT:" + incident.source() + ":" + incident.sourceReference();
    return linkedWorkers.stream()
        .sorted()
        .map(
            worker ->
                new Notice(
                    worker,
                    factKey,
                    perpetrator.id(),
                    Notice.Kind.NEW_INCIDENT,
                    againstANewVictim,
                    title,
                    body,
                    incident.occurredAt(),
                    incident.area()))
        .toList();
  }

  /** A flag newly set on a linked perpetrator's score: serial or escalating. */
  public static List<Notice> flagSet(
      Perpetrator perpetrator,
      Notice.Kind kind,
      String policyId,
      Instant asOf,
      Collection<String> linkedWorkers) {
    String flag = kind == Notice.Kind.SERIAL_FLAG_SET ? "serial" : "escalating";
    String title = "Now flagged " + flag + ": " + perpetrator.displayName();
    String body =
        perpetrator.displayName()
            + " (perpetrator "
            + perpetrator.id()
            + ") is now flagged "
            + flag
            + " under scoring policy "
            + policyId
            + ".";
    String factKey = kind.name() + ":" + perpetrator.id() + ":" + asOf;
    return linkedWorkers.stream()
        .sorted()
        .map(
            worker ->
                new Notice(worker, factKey, perpetrator.id(), kind, false, title, body, asOf, null))
        .toList();
  }
}
