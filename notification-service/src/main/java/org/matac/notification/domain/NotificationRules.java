package org.matac.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
   * a victim not seen before with this perpetrator, because that is how serial abuse shows. An
   * incident from the partnership's history is nobody's news.
   */
  public static List<Notice> newIncident(
      Perpetrator perpetrator,
      NewIncident incident,
      Set<VictimKey> victimsSeenBefore,
      Collection<String> linkedWorkers,
      History history) {
    if (history.holds(incident.occurredAt())) {
      return List.of();
    }
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
    return toEach(
        linkedWorkers,
        "INCIDENT:" + incident.source() + ":" + incident.sourceReference(),
        perpetrator,
        Notice.Kind.NEW_INCIDENT,
        againstANewVictim,
        title,
        body,
        incident.occurredAt(),
        incident.area());
  }

  /** A record other than an incident that became current for a perpetrator. */
  public record NewRecord(
      String type,
      String source,
      String reference,
      Instant occurredAt,
      String area,
      Map<String, Object> details) {

    String detail(String name) {
      Object value = details.get(name);
      return value == null ? null : value.toString();
    }
  }

  /**
   * Release or bail and an order breach are urgent; an order issued and a programme dropped out of
   * or declined are worth knowing. Free-text fields (bail conditions, notes, programme names) are
   * never copied into a notice: they can name a victim. A record from the partnership's history is
   * nobody's news.
   */
  public static List<Notice> newRecord(
      Perpetrator perpetrator,
      NewRecord record,
      Collection<String> linkedWorkers,
      History history) {
    if (history.holds(record.occurredAt())) {
      return List.of();
    }
    String name = perpetrator.displayName() + " (perpetrator " + perpetrator.id() + ")";
    String when = " on " + record.occurredAt() + ", reported by " + record.source() + ".";
    return switch (record.type()) {
      case "CUSTODY_STATUS_CHANGED" -> {
        String status = record.detail("status");
        if (!"RELEASED".equals(status) && !"BAILED".equals(status)) {
          yield List.of();
        }
        String released = "RELEASED".equals(status) ? "released from custody" : "bailed";
        yield notices(
            record,
            linkedWorkers,
            perpetrator,
            Notice.Kind.RELEASED_OR_BAILED,
            true,
            "URGENT: " + perpetrator.displayName() + " " + released,
            name + " was " + released + when);
      }
      case "ORDER_BREACHED" ->
          notices(
              record,
              linkedWorkers,
              perpetrator,
              Notice.Kind.ORDER_BREACHED,
              true,
              "URGENT: order breached by " + perpetrator.displayName(),
              name + " breached protective order " + record.detail("orderRef") + when);
      case "PROTECTIVE_ORDER_ISSUED" ->
          notices(
              record,
              linkedWorkers,
              perpetrator,
              Notice.Kind.ORDER_ISSUED,
              false,
              "Protective order issued: " + perpetrator.displayName(),
              "A "
                  + record.detail("orderType")
                  + " was issued against "
                  + name
                  + ", valid from "
                  + record.detail("validFrom")
                  + (record.detail("validUntil") == null
                      ? ""
                      : " until " + record.detail("validUntil"))
                  + ".");
      case "INTERVENTION_STATUS_CHANGED" -> {
        String status = record.detail("status");
        if (!"DROPPED_OUT".equals(status) && !"DECLINED".equals(status)) {
          yield List.of();
        }
        String ended = "DROPPED_OUT".equals(status) ? "dropped out of" : "declined";
        yield notices(
            record,
            linkedWorkers,
            perpetrator,
            Notice.Kind.INTERVENTION_ENDED,
            false,
            perpetrator.displayName() + " " + ended + " a programme",
            name + " " + ended + " a perpetrator programme" + when);
      }
      default -> List.of();
    };
  }

  private static List<Notice> notices(
      NewRecord record,
      Collection<String> linkedWorkers,
      Perpetrator perpetrator,
      Notice.Kind kind,
      boolean urgent,
      String title,
      String body) {
    return toEach(
        linkedWorkers,
        "RECORD:" + record.type() + ":" + record.source() + ":" + record.reference(),
        perpetrator,
        kind,
        urgent,
        title,
        body,
        record.occurredAt(),
        record.area());
  }

  /** A linked perpetrator approved onto a published MATAC tasking list. */
  public static List<Notice> tasked(
      Perpetrator perpetrator,
      String cycleId,
      String area,
      String cycleDate,
      Instant publishedAt,
      Collection<String> linkedWorkers) {
    String title = "Tasked at MATAC: " + perpetrator.displayName();
    String body =
        perpetrator.displayName()
            + " (perpetrator "
            + perpetrator.id()
            + ") was approved onto the "
            + area
            + " MATAC tasking list of "
            + cycleDate
            + ".";
    return toEach(
        linkedWorkers,
        "MATAC:" + cycleId + ":" + perpetrator.id(),
        perpetrator,
        Notice.Kind.MATAC_TASKED,
        false,
        title,
        body,
        publishedAt,
        area);
  }

  /** A protective order with an end date, as the profile carries it. */
  public record Order(
      String source, String reference, String orderType, Instant validUntil, String area) {}

  /** How far ahead workers hear that an order ends: in time to plan the victim's safety. */
  public static final Duration ORDER_WARNING = Duration.ofDays(7);

  /** Whether an order ends within the warning period from {@code now}, and has not yet ended. */
  public static boolean endsSoon(Order order, Instant now) {
    return order.validUntil().isAfter(now) && !order.validUntil().isAfter(now.plus(ORDER_WARNING));
  }

  /**
   * Workers linked to the perpetrator hear once that an order is about to end; an order extended to
   * a new end date is news again.
   */
  public static List<Notice> orderEnding(
      Perpetrator perpetrator, Order order, Instant now, Collection<String> linkedWorkers) {
    if (!endsSoon(order, now)) {
      return List.of();
    }
    return toEach(
        linkedWorkers,
        "ORDER-ENDING:" + order.source() + ":" + order.reference() + ":" + order.validUntil(),
        perpetrator,
        Notice.Kind.ORDER_EXPIRING,
        false,
        "Protective order ending soon: " + perpetrator.displayName(),
        "A "
            + (order.orderType() == null ? "protective order" : order.orderType())
            + " against "
            + perpetrator.displayName()
            + " (perpetrator "
            + perpetrator.id()
            + ") ends at "
            + order.validUntil()
            + ".",
        order.validUntil(),
        order.area());
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
    return toEach(
        linkedWorkers,
        kind.name() + ":" + perpetrator.id() + ":" + asOf,
        perpetrator,
        kind,
        false,
        title,
        body,
        asOf,
        null);
  }

  /** The same notice for each linked worker, in a stable order. */
  private static List<Notice> toEach(
      Collection<String> linkedWorkers,
      String factKey,
      Perpetrator perpetrator,
      Notice.Kind kind,
      boolean urgent,
      String title,
      String body,
      Instant happenedAt,
      String area) {
    return linkedWorkers.stream()
        .sorted()
        .map(
            worker ->
                new Notice(
                    worker, factKey, perpetrator.id(), kind, urgent, title, body, happenedAt, area))
        .toList();
  }
}
