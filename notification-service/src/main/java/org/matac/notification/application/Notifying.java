package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.notification.domain.History;
import org.matac.notification.domain.Notice;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.domain.VictimKey;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.NotificationStore;
import org.matac.notification.persistence.OrderStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.inbox.ProcessedMessages;
import org.matac.support.logging.Correlation;
import org.matac.support.retention.Disposals;
import org.matac.support.security.Caller;

/**
 * Keeps the links between workers, victims and perpetrators, and turns what tracking and scoring
 * publish into notices for the linked workers. Each message is handled in one transaction with its
 * processed id, and each notice is unique per worker and fact: a redelivery, a restart or a
 * rebalance never tells a worker the same thing twice, and a crash never loses a notice.
 */
@Singleton
public class Notifying {

  private final ProcessedMessages processed;
  private final LinkStore links;
  private final NotificationStore notifications;
  private static final Caller SERVICE = Caller.system("notification-service", null);

  private final AuditTrail audit;
  private final Clock clock;
  private final String consoleBaseUrl;
  private final SchedulingDeliveries deliveries;
  private final OrderStore orders;
  private final Disposals disposals;
  private final History history;

  public Notifying(
      ProcessedMessages processed,
      LinkStore links,
      NotificationStore notifications,
      OrderStore orders,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.links.console-base-url}") String consoleBaseUrl,
      @Value("${matac.notification.history-ends-at:}") String historyEndsAt,
      SchedulingDeliveries deliveries,
      Disposals disposals) {
    this.disposals = disposals;
    this.processed = processed;
    this.links = links;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
    this.consoleBaseUrl = consoleBaseUrl;
    this.deliveries = deliveries;
    this.history =
        historyEndsAt.isBlank() ? History.none() : History.endingAt(Instant.parse(historyEndsAt));
    this.orders = orders;
  }

  /** Erases a person tracking disposed of after a retention review, once. */
  @Transactional
  public void onPerpetratorDisposed(PerpetratorDisposed message) {
    disposals.onPerpetratorDisposed(message, "notification.perpetrator-disposed", SERVICE);
  }

  /**
   * Whether a message is new and about someone not disposed of: read again after a disposal (a
   * replay from the beginning), a message must neither restore the person nor notify anyone.
   */
  private boolean firstDeliveryAboutAKeptPerson(
      String consumer, UUID messageId, String perpetratorId) {
    return processed.recordFirstDelivery(consumer, messageId.toString())
        && !disposals.isDisposed(perpetratorId);
  }

  @Transactional
  public void onSafetyWorkerAssigned(SafetyWorkerAssigned message) {
    if (!firstDeliveryAboutAKeptPerson(
        "notification.worker-assigned", message.messageId(), message.perpetratorId())) {
      return;
    }
    links.linkWorker(
        message.workerId(),
        new VictimKey(message.victimSource(), message.victimRef()),
        message.workerAgency(),
        message.assignedAt());
    Correlation.within(
        message.causedByEventId(),
        () ->
            Correlation.step("A worker linked to a victim of person {}", message.perpetratorId()));
  }

  @Transactional
  public void onSafetyWorkerUnassigned(SafetyWorkerUnassigned message) {
    if (!firstDeliveryAboutAKeptPerson(
        "notification.worker-unassigned", message.messageId(), message.perpetratorId())) {
      return;
    }
    links.unlinkWorker(
        message.workerId(), new VictimKey(message.victimSource(), message.victimRef()));
    Correlation.within(
        message.causedByEventId(),
        () ->
            Correlation.step(
                "A worker unlinked from a victim of person {}", message.perpetratorId()));
  }

  private static final String PROFILE_CHANGED = "notification.profile-changed";

  /**
   * A poll's profile changes as a set, leaving what {@link #onProfileChanged} leaves for each in
   * order. A person some worker is, or is about to be, linked to has their messages taken one at a
   * time, since each may tell the workers something; for everyone else (all of a backfill, nearly)
   * the links, names and orders that message by message would leave are worked out in memory and
   * written with one statement per table. A poll that joins or separates profiles is taken message
   * by message.
   */
  @Transactional
  public void onProfilesChanged(List<ProfileChanged> messages) {
    boolean regroups =
        messages.stream()
            .flatMap(message -> message.changes().stream())
            .anyMatch(
                change ->
                    change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED
                        || change.kind() == ProfileChanged.ChangeKind.PROFILES_SEPARATED);
    if (regroups) {
      messages.forEach(this::onProfileChanged);
      return;
    }
    List<ProfileChanged> counted =
        disposals.firstDeliveriesAboutKeptPeople(
            PROFILE_CHANGED, messages, ProfileChanged::messageId, ProfileChanged::perpetratorId);
    Map<UUID, Set<VictimKey>> victimsNamed = new HashMap<>();
    counted.forEach(
        message ->
            victimsNamed
                .computeIfAbsent(UUID.fromString(message.perpetratorId()), id -> new HashSet<>())
                .addAll(victimsOf(message.profile().incidents())));
    Set<UUID> watched = links.peopleWithWorkersAmong(victimsNamed);
    List<ProfileChanged> unwatched = new ArrayList<>();
    for (ProfileChanged message : counted) {
      if (watched.contains(UUID.fromString(message.perpetratorId()))) {
        apply(message);
      } else {
        unwatched.add(message);
      }
    }
    if (!unwatched.isEmpty()) {
      keepUp(unwatched);
    }
  }

  /**
   * What {@link #apply} leaves for people nobody is linked to, worked out in memory: a newer
   * profile replaces the person's victims, name and orders; an older one only adds its victims.
   */
  private void keepUp(List<ProfileChanged> messages) {
    Set<UUID> people =
        messages.stream()
            .map(message -> UUID.fromString(message.perpetratorId()))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Map<UUID, Long> versions = links.summaryVersionsOf(people);
    Map<UUID, Set<VictimKey>> linkedBefore = links.victimsOfAll(people);
    Map<UUID, Set<VictimKey>> linked = new HashMap<>();
    linkedBefore.forEach((id, victims) -> linked.put(id, new HashSet<>(victims)));
    Map<UUID, ProfileChanged> newest = new LinkedHashMap<>();
    for (ProfileChanged message : messages) {
      UUID id = UUID.fromString(message.perpetratorId());
      Set<VictimKey> victims = victimsOf(message.profile().incidents());
      if (message.profileVersion() > versions.getOrDefault(id, Long.MIN_VALUE)) {
        versions.put(id, message.profileVersion());
        newest.put(id, message);
        linked.put(id, new HashSet<>(victims));
      } else {
        linked.computeIfAbsent(id, none -> new HashSet<>()).addAll(victims);
      }
    }
    links.storeSummaries(
        newest.values().stream()
            .map(
                message ->
                    new LinkStore.Summary(
                        UUID.fromString(message.perpetratorId()),
                        message.profile().givenName(),
                        message.profile().familyName(),
                        message.profileVersion()))
            .toList());
    links.relinkVictims(linkedBefore, linked);
    Map<UUID, List<OrderStore.Order>> orders = new LinkedHashMap<>();
    newest.forEach((id, message) -> orders.put(id, ordersOf(id, message.profile())));
    this.orders.replaceAll(orders);
  }

  @Transactional
  public void onProfileChanged(ProfileChanged message) {
    if (!firstDeliveryAboutAKeptPerson(
        PROFILE_CHANGED, message.messageId(), message.perpetratorId())) {
      return;
    }
    apply(message);
  }

  private void apply(ProfileChanged message) {
    Correlation.within(message.causedByEventId(), () -> applyWithin(message));
  }

  private void applyWithin(ProfileChanged message) {
    UUID perpetratorId = UUID.fromString(message.perpetratorId());
    for (ProfileChanged.Change change : message.changes()) {
      if (change.kind() == ProfileChanged.ChangeKind.PROFILES_MERGED) {
        links.forgetPerpetrator(UUID.fromString(change.reference()));
        orders.replace(UUID.fromString(change.reference()), List.of());
      }
    }
    ProfileChanged.Profile profile = message.profile();
    boolean newest =
        links.storeSummaryIfNewer(
            perpetratorId, profile.givenName(), profile.familyName(), message.profileVersion());
    Set<VictimKey> seenBefore = links.victimsOf(perpetratorId);
    Set<VictimKey> victimsNow = victimsOf(profile.incidents());
    links.linkVictims(perpetratorId, victimsNow);
    if (newest) {
      // A withdrawn incident, or records separated to another profile, take their victims along.
      links.keepOnlyVictims(perpetratorId, seenBefore, victimsNow);
      orders.replace(perpetratorId, ordersOf(perpetratorId, profile));
    }
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (workers.isEmpty()) {
      return;
    }
    NotificationRules.Perpetrator perpetrator =
        new NotificationRules.Perpetrator(
            message.perpetratorId(), profile.givenName(), profile.familyName());
    for (ProfileChanged.Change change : message.changes()) {
      if (change.kind() == ProfileChanged.ChangeKind.RECORD_ADDED) {
        profile.records().stream()
            .filter(
                record ->
                    record.type().equals(change.recordType())
                        && record.source().equals(change.source())
                        && record.sourceReference().equals(change.reference()))
            .findFirst()
            .ifPresent(
                record ->
                    store(
                        NotificationRules.newRecord(
                            perpetrator,
                            new NotificationRules.NewRecord(
                                record.type(),
                                record.source(),
                                record.sourceReference(),
                                record.occurredAt(),
                                record.area(),
                                record.details() == null ? Map.of() : record.details()),
                            workers,
                            history)));
        continue;
      }
      if (change.kind() != ProfileChanged.ChangeKind.INCIDENT_RECORDED) {
        continue;
      }
      profile.incidents().stream()
          .filter(
              incident ->
                  incident.source().equals(change.source())
                      && incident.sourceReference().equals(change.reference()))
          .findFirst()
          .ifPresent(
              incident ->
                  store(
                      NotificationRules.newIncident(
                          perpetrator,
                          new NotificationRules.NewIncident(
                              incident.source(),
                              incident.sourceReference(),
                              incident.occurredAt(),
                              incident.area(),
                              victimsOf(List.of(incident))),
                          seenBefore,
                          workers,
                          history)));
    }
  }

  @Transactional
  public void onTaskingListPublished(TaskingListPublished message) {
    if (!firstDeliveryAboutAKeptPerson(
        "notification.tasking-list-published", message.messageId(), message.perpetratorId())) {
      return;
    }
    UUID perpetratorId = UUID.fromString(message.perpetratorId());
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (workers.isEmpty()) {
      return;
    }
    store(
        NotificationRules.tasked(
            links
                .perpetrator(perpetratorId)
                .orElse(new NotificationRules.Perpetrator(message.perpetratorId(), null, null)),
            message.cycleId().toString(),
            message.area(),
            message.cycleDate().toString(),
            message.publishedAt(),
            workers));
  }

  private static final String SCORE_CHANGED = "notification.score-changed";

  /**
   * A poll's score changes as a set, leaving what {@link #onScoreChanged} leaves for each in order:
   * people a worker is linked to have theirs taken one at a time, since a flag newly set tells the
   * workers; everyone else keeps the flags of their last message, written in one statement.
   */
  @Transactional
  public void onScoresChanged(List<ScoreChanged> messages) {
    List<ScoreChanged> counted =
        disposals.firstDeliveriesAboutKeptPeople(
            SCORE_CHANGED, messages, ScoreChanged::messageId, ScoreChanged::perpetratorId);
    // A score change names no victim: only those linked already can hear of it.
    Set<UUID> watched =
        links.peopleWithWorkers(
            counted.stream()
                .map(message -> UUID.fromString(message.perpetratorId()))
                .collect(Collectors.toSet()));
    Map<UUID, LinkStore.Flags> last = new LinkedHashMap<>();
    for (ScoreChanged message : counted) {
      UUID id = UUID.fromString(message.perpetratorId());
      if (watched.contains(id)) {
        apply(message);
      } else {
        last.put(id, new LinkStore.Flags(message.flags().serial(), message.flags().escalating()));
      }
    }
    links.storeFlags(last);
  }

  @Transactional
  public void onScoreChanged(ScoreChanged message) {
    if (!firstDeliveryAboutAKeptPerson(
        SCORE_CHANGED, message.messageId(), message.perpetratorId())) {
      return;
    }
    apply(message);
  }

  private void apply(ScoreChanged message) {
    UUID perpetratorId = UUID.fromString(message.perpetratorId());
    LinkStore.Flags before =
        links.swapFlags(perpetratorId, message.flags().serial(), message.flags().escalating());
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (workers.isEmpty()) {
      return;
    }
    NotificationRules.Perpetrator perpetrator =
        links
            .perpetrator(perpetratorId)
            .orElse(new NotificationRules.Perpetrator(message.perpetratorId(), null, null));
    if (message.flags().serial() && !before.serial()) {
      store(
          NotificationRules.flagSet(
              perpetrator,
              Notice.Kind.SERIAL_FLAG_SET,
              message.policyId(),
              message.asOf(),
              workers));
    }
    if (message.flags().escalating() && !before.escalating()) {
      store(
          NotificationRules.flagSet(
              perpetrator,
              Notice.Kind.ESCALATING_FLAG_SET,
              message.policyId(),
              message.asOf(),
              workers));
    }
  }

  /** Protective orders with a readable end date; one without is never "ending soon". */
  private static List<OrderStore.Order> ordersOf(
      UUID perpetratorId, ProfileChanged.Profile profile) {
    List<OrderStore.Order> orders = new ArrayList<>();
    for (ProfileChanged.PartnerRecord record : profile.records()) {
      Object until = record.details().get("validUntil");
      if (!"PROTECTIVE_ORDER_ISSUED".equals(record.type()) || until == null) {
        continue;
      }
      try {
        orders.add(
            new OrderStore.Order(
                perpetratorId,
                record.source(),
                record.sourceReference(),
                String.valueOf(record.details().get("orderType")),
                OffsetDateTime.parse(until.toString()).toInstant(),
                record.area()));
      } catch (DateTimeParseException e) {
        // Intake validates validUntil as an instant; a value it let through is skipped, not fatal.
      }
    }
    return orders;
  }

  /** Stores notices once per worker and fact, queues their channels, and audits each. */
  @Transactional
  public void deliver(List<Notice> notices) {
    store(notices);
  }

  /** Each notice stored is a disclosure to its worker, audited with it. */
  private void store(List<Notice> notices) {
    Instant now = clock.instant();
    for (Notice notice : notices) {
      Optional<UUID> stored =
          notifications.storeOnce(
              notice,
              id -> consoleBaseUrl + "/notifications/" + id,
              links.agencyOf(notice.workerId()).orElse(null),
              Correlation.current(),
              now);
      stored.ifPresent(id -> deliveries.schedule(id, notice, now));
      stored.ifPresent(
          id ->
              Correlation.step(
                  "Notice {} ({}{}) about person {} in a worker's inbox",
                  id,
                  notice.kind(),
                  notice.urgent() ? ", urgent" : "",
                  notice.perpetratorId()));
      if (stored.isPresent()) {
        audit.record(
            AuditEntry.allowed(
                    SERVICE,
                    AuditEntry.Action.DISCLOSURE,
                    "PERPETRATOR",
                    notice.perpetratorId(),
                    "notification " + notice.kind() + " (" + notice.factKey() + ")")
                .disclosedTo(notice.workerId()));
      }
    }
  }

  private static Set<VictimKey> victimsOf(List<ProfileChanged.Incident> incidents) {
    Set<VictimKey> victims = new HashSet<>();
    for (ProfileChanged.Incident incident : incidents) {
      for (ProfileChanged.VictimLink victim : incident.victims()) {
        victims.add(new VictimKey(victim.victimSource(), victim.victimRef()));
      }
    }
    return victims;
  }
}
