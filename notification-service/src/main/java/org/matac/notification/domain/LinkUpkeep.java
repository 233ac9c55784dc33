package org.matac.notification.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The links a poll of profile versions leaves for people nobody is linked to, worked out in memory
 * as taking the versions one at a time would leave them: a newer version replaces the person's
 * victims, name and orders; an older one, arriving late, only adds its victims.
 *
 * @param newest each person's newest version in the poll that is newer than the one kept
 * @param victims each person's victims after the poll
 */
public record LinkUpkeep(Map<UUID, ProfileSnapshot> newest, Map<UUID, Set<VictimKey>> victims) {

  public static LinkUpkeep after(
      List<ProfileSnapshot> inArrivalOrder,
      Map<UUID, Long> versionsKept,
      Map<UUID, Set<VictimKey>> victimsBefore) {
    Map<UUID, Long> versions = new HashMap<>(versionsKept);
    Map<UUID, Set<VictimKey>> victims = new HashMap<>();
    victimsBefore.forEach((id, linked) -> victims.put(id, new HashSet<>(linked)));
    Map<UUID, ProfileSnapshot> newest = new LinkedHashMap<>();
    for (ProfileSnapshot snapshot : inArrivalOrder) {
      UUID id = snapshot.perpetratorId();
      if (snapshot.version() > versions.getOrDefault(id, Long.MIN_VALUE)) {
        versions.put(id, snapshot.version());
        newest.put(id, snapshot);
        victims.put(id, new HashSet<>(snapshot.victims()));
      } else {
        victims.computeIfAbsent(id, none -> new HashSet<>()).addAll(snapshot.victims());
      }
    }
    return new LinkUpkeep(newest, victims);
  }
}
