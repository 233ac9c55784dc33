package org.matac.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who must hear what: the rules, as plain functions of what happened and who is linked. What each
 * notice says is {@link NoticeWording}'s.
 */
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

  /** Something a profile change newly recorded about a perpetrator. */
  public sealed interface NewFact permits NewIncident, NewRecord {}

  /** A newly recorded incident of a perpetrator. */
  public record NewIncident(
      String source,
      String sourceReference,
      Instant occurredAt,
      String area,
      Set<VictimKey> victims)
      implements NewFact {}

  /**
   * What one profile change tells the workers linked to the perpetrator: each fact it newly
   * recorded, in the order recorded, an incident judged against the victims seen with the
   * perpetrator before the change.
   */
  public static List<Notice> profileChanged(
      Perpetrator perpetrator,
      List<NewFact> facts,
      Set<VictimKey> victimsSeenBefore,
      Collection<String> linkedWorkers,
      History history) {
    List<Notice> notices = new ArrayList<>();
    for (NewFact fact : facts) {
      if (fact instanceof NewIncident incident) {
        notices.addAll(
            newIncident(perpetrator, incident, victimsSeenBefore, linkedWorkers, history));
      } else if (fact instanceof NewRecord record) {
        notices.addAll(newRecord(perpetrator, record, linkedWorkers, history));
      }
    }
    return notices;
  }

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
    return toEach(
        linkedWorkers,
        "INCIDENT:" + incident.source() + ":" + incident.sourceReference(),
        perpetrator,
        Notice.Kind.NEW_INCIDENT,
        againstANewVictim,
        NoticeWording.newIncident(perpetrator, incident, againstANewVictim),
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
      Map<String, Object> details)
      implements NewFact {

    String detail(String name) {
      Object value = details.get(name);
      return value == null ? null : value.toString();
    }
  }

  /**
   * Release or bail and an order breach are urgent; an order issued and a programme dropped out of
   * or declined are worth knowing; anything else is not news to a victim's worker. A record from
   * the partnership's history is nobody's news.
   */
  public static List<Notice> newRecord(
      Perpetrator perpetrator,
      NewRecord record,
      Collection<String> linkedWorkers,
      History history) {
    if (history.holds(record.occurredAt())) {
      return List.of();
    }
    String status = record.detail("status");
    return switch (record.type()) {
      case "CUSTODY_STATUS_CHANGED" ->
          "RELEASED".equals(status) || "BAILED".equals(status)
              ? notices(
                  record,
                  linkedWorkers,
                  perpetrator,
                  Notice.Kind.RELEASED_OR_BAILED,
                  true,
                  NoticeWording.releasedOrBailed(perpetrator, record, "RELEASED".equals(status)))
              : List.of();
      case "ORDER_BREACHED" ->
          notices(
              record,
              linkedWorkers,
              perpetrator,
              Notice.Kind.ORDER_BREACHED,
              true,
              NoticeWording.orderBreached(perpetrator, record));
      case "PROTECTIVE_ORDER_ISSUED" ->
          notices(
              record,
              linkedWorkers,
              perpetrator,
              Notice.Kind.ORDER_ISSUED,
              false,
              NoticeWording.orderIssued(perpetrator, record));
      case "INTERVENTION_STATUS_CHANGED" ->
          "DROPPED_OUT".equals(status) || "DECLINED".equals(status)
              ? notices(
                  record,
                  linkedWorkers,
                  perpetrator,
                  Notice.Kind.INTERVENTION_ENDED,
                  false,
                  NoticeWording.interventionEnded(
                      perpetrator, record, "DROPPED_OUT".equals(status)))
              : List.of();
      default -> List.of();
    };
  }

  private static List<Notice> notices(
      NewRecord record,
      Collection<String> linkedWorkers,
      Perpetrator perpetrator,
      Notice.Kind kind,
      boolean urgent,
      NoticeWording.Wording wording) {
    return toEach(
        linkedWorkers,
        "RECORD:" + record.type() + ":" + record.source() + ":" + record.reference(),
        perpetrator,
        kind,
        urgent,
        wording,
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
    return toEach(
        linkedWorkers,
        "MATAC:" + cycleId + ":" + perpetrator.id(),
        perpetrator,
        Notice.Kind.MATAC_TASKED,
        false,
        NoticeWording.tasked(perpetrator, area, cycleDate),
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
        NoticeWording.orderEnding(perpetrator, order),
        order.validUntil(),
        order.area());
  }

  /**
   * Workers hear of a flag when scoring sets it, not while it stays set: a person flagged serial
   * month after month is news once.
   */
  public static List<Notice> flagsChanged(
      Perpetrator perpetrator,
      Flags before,
      Flags now,
      String policyId,
      Instant asOf,
      Collection<String> linkedWorkers) {
    List<Notice> notices = new ArrayList<>();
    if (now.serial() && !before.serial()) {
      notices.addAll(
          flagSet(perpetrator, Notice.Kind.SERIAL_FLAG_SET, policyId, asOf, linkedWorkers));
    }
    if (now.escalating() && !before.escalating()) {
      notices.addAll(
          flagSet(perpetrator, Notice.Kind.ESCALATING_FLAG_SET, policyId, asOf, linkedWorkers));
    }
    return notices;
  }

  /** A flag newly set on a linked perpetrator's score: serial or escalating. */
  public static List<Notice> flagSet(
      Perpetrator perpetrator,
      Notice.Kind kind,
      String policyId,
      Instant asOf,
      Collection<String> linkedWorkers) {
    return toEach(
        linkedWorkers,
        kind.name() + ":" + perpetrator.id() + ":" + asOf,
        perpetrator,
        kind,
        false,
        NoticeWording.flagSet(perpetrator, kind, policyId),
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
      NoticeWording.Wording wording,
      Instant happenedAt,
      String area) {
    return linkedWorkers.stream()
        .sorted()
        .map(
            worker ->
                new Notice(
                    worker,
                    factKey,
                    perpetrator.id(),
                    kind,
                    urgent,
                    wording.title(),
                    wording.body(),
                    happenedAt,
                    area))
        .toList();
  }
}
