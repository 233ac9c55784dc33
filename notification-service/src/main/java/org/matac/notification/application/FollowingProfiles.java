package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.notification.domain.History;
import org.matac.notification.domain.LinkUpkeep;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.domain.ProfileSnapshot;
import org.matac.notification.domain.VictimKey;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.OrderStore;
import org.matac.support.logging.Correlation;
import org.matac.support.retention.Disposals;

/**
 * Follows tracking's profile changes: keeps each person's name, victims (through whom workers are
 * linked) and protective orders, and tells the linked workers what each change newly recorded. Each
 * notice is unique per worker and fact: a redelivery, a restart or a rebalance never tells a worker
 * the same thing twice, and a crash never loses a notice.
 */
@Singleton
public class FollowingProfiles {

  private static final String CONSUMER = "notification.profile-changed";

  private final Disposals disposals;
  private final LinkStore links;
  private final OrderStore orders;
  private final IssuingNotices notices;
  private final History history;

  public FollowingProfiles(
      Disposals disposals,
      LinkStore links,
      OrderStore orders,
      IssuingNotices notices,
      @Value("${matac.notification.history-ends-at:}") String historyEndsAt) {
    this.disposals = disposals;
    this.links = links;
    this.orders = orders;
    this.notices = notices;
    this.history =
        historyEndsAt.isBlank() ? History.none() : History.endingAt(Instant.parse(historyEndsAt));
  }

  @Transactional
  public void onProfileChanged(ProfileChanged message) {
    if (disposals.firstDeliveryAboutAKeptPerson(
        CONSUMER, message.messageId(), message.perpetratorId())) {
      ProfileSnapshot snapshot = ProfileChangedMapper.snapshotOf(message);
      Correlation.within(message.causedByEventId(), () -> follow(message, snapshot));
    }
  }

  /**
   * A poll's profile changes as a set, leaving what {@link #onProfileChanged} leaves for each in
   * order. A person some worker is, or is about to be, linked to has their messages taken one at a
   * time, since each may tell the workers something; for everyone else (all of a backfill, nearly)
   * the links, names and orders are worked out in memory ({@link LinkUpkeep}) and written with one
   * statement per table. A poll that joins or separates profiles is taken message by message.
   */
  @Transactional
  public void onProfilesChanged(List<ProfileChanged> messages) {
    if (messages.stream().anyMatch(ProfileChangedMapper::regroups)) {
      messages.forEach(this::onProfileChanged);
      return;
    }
    List<ProfileChanged> counted =
        disposals.firstDeliveriesAboutKeptPeople(
            CONSUMER, messages, ProfileChanged::messageId, ProfileChanged::perpetratorId);
    List<ProfileSnapshot> snapshots =
        counted.stream().map(ProfileChangedMapper::snapshotOf).toList();
    Map<UUID, Set<VictimKey>> victimsNamed = new HashMap<>();
    snapshots.forEach(
        snapshot ->
            victimsNamed
                .computeIfAbsent(snapshot.perpetratorId(), id -> new HashSet<>())
                .addAll(snapshot.victims()));
    Set<UUID> watched = links.peopleWithWorkersAmong(victimsNamed);
    List<ProfileSnapshot> unwatched = new ArrayList<>();
    for (int i = 0; i < counted.size(); i++) {
      ProfileSnapshot snapshot = snapshots.get(i);
      if (watched.contains(snapshot.perpetratorId())) {
        ProfileChanged message = counted.get(i);
        Correlation.within(message.causedByEventId(), () -> follow(message, snapshot));
      } else {
        unwatched.add(snapshot);
      }
    }
    keepUp(unwatched);
  }

  private void keepUp(List<ProfileSnapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return;
    }
    Set<UUID> people = new LinkedHashSet<>();
    snapshots.forEach(snapshot -> people.add(snapshot.perpetratorId()));
    Map<UUID, Set<VictimKey>> victimsBefore = links.victimsOfAll(people);
    LinkUpkeep upkeep = LinkUpkeep.after(snapshots, links.summaryVersionsOf(people), victimsBefore);
    links.storeSummaries(upkeep.newest().values());
    links.relinkVictims(victimsBefore, upkeep.victims());
    Map<UUID, List<NotificationRules.Order>> current = new LinkedHashMap<>();
    upkeep.newest().forEach((id, snapshot) -> current.put(id, snapshot.orders()));
    orders.replaceAll(current);
  }

  private void follow(ProfileChanged message, ProfileSnapshot snapshot) {
    for (UUID merged : ProfileChangedMapper.mergedAway(message)) {
      links.forgetPerpetrator(merged);
      orders.replace(merged, List.of());
    }
    UUID perpetratorId = snapshot.perpetratorId();
    boolean newest = links.storeSummaryIfNewer(snapshot);
    Set<VictimKey> seenBefore = links.victimsOf(perpetratorId);
    links.linkVictims(perpetratorId, snapshot.victims());
    if (newest) {
      // A withdrawn incident, or records separated to another profile, take their victims along.
      links.keepOnlyVictims(perpetratorId, seenBefore, snapshot.victims());
      orders.replace(perpetratorId, snapshot.orders());
    }
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (!workers.isEmpty()) {
      notices.issue(
          NotificationRules.profileChanged(
              snapshot.perpetrator(),
              ProfileChangedMapper.newFactsOf(message),
              seenBefore,
              workers,
              history));
    }
  }
}
