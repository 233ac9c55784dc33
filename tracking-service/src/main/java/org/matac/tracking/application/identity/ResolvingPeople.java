package org.matac.tracking.application.identity;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.tracking.domain.PeopleGraph;
import org.matac.tracking.persistence.IdentityStore;
import org.matac.tracking.persistence.PartnerRecordStore;

/**
 * Keeps people as the contract defines them, within the caller's transaction: the connected groups
 * of identifiers on current, counting records and admins' links. Only the groups around a change
 * are worked out again; the rest stay as they are.
 */
@Singleton
public class ResolvingPeople {

  /** Closure over linked identifiers stops here; real groups are a handful of identifiers. */
  private static final int MAX_ROUNDS = 64;

  private final IdentityStore identity;

  public ResolvingPeople(IdentityStore identity) {
    this.identity = identity;
  }

  /** Who holds an identifier before its record is stored, and whether that person is new. */
  public record Holder(UUID id, boolean created) {}

  /**
   * Locks the identifiers an event names and answers who holds its {@code (source,
   * sourcePersonId)}: its holder, else the holder of its PNC id, else a new person.
   */
  public Holder holderFor(String sourceNode, Optional<String> pncNode, Instant now) {
    List<String> nodes = new ArrayList<>();
    nodes.add(sourceNode);
    pncNode.ifPresent(nodes::add);
    identity.lock(nodes);
    Optional<UUID> held = identity.ownerOf(sourceNode);
    if (held.isPresent()) {
      return new Holder(held.get(), false);
    }
    Optional<UUID> byPnc = pncNode.flatMap(identity::ownerOf);
    UUID id = byPnc.orElseGet(UUID::randomUUID);
    if (byPnc.isEmpty()) {
      identity.createPerson(id, now);
    }
    identity.give(sourceNode, id);
    return new Holder(id, byPnc.isEmpty());
  }

  /**
   * Whether a record's new current version leaves every group as it was, so that working them out
   * again can be skipped: a first record whose PNC id (if any) nobody else holds, or a new version
   * carrying the same identifiers, and counting or not, as the one it replaces.
   */
  public boolean changesNoGroup(
      String sourceNode,
      Optional<String> linkingPnc,
      Holder holder,
      Optional<PartnerRecordStore.Current> replaced,
      boolean withdrawal) {
    if (replaced.isPresent()) {
      var before = replaced.get();
      String pncBefore = before.withdrawn() ? null : before.pncId();
      String pncNow = linkingPnc.map(node -> node.substring(2)).orElse(null);
      return sourceNode.endsWith("|" + before.sourcePersonId())
          && holder.id().equals(before.perpetratorId())
          && Objects.equals(pncBefore, pncNow)
          && before.withdrawn() == withdrawal;
    }
    return linkingPnc.flatMap(identity::ownerOf).map(holder.id()::equals).orElse(true);
  }

  /** Gives a PNC id to a person unless someone holds it; answers whether it was new to them. */
  public boolean giveIfUnheld(String pncNode, UUID person) {
    if (identity.ownerOf(pncNode).isPresent()) {
      return false;
    }
    identity.give(pncNode, person);
    return true;
  }

  /** The groups after a change, with who held each identifier before it. */
  public record Regrouping(PeopleGraph.Outcome outcome, Map<String, UUID> previousOwner) {

    /** The identifiers a person holds now. */
    public Set<String> heldBy(UUID person) {
      return outcome.ownerOf().entrySet().stream()
          .filter(entry -> entry.getValue().equals(person))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    public Set<String> heldBefore(UUID person) {
      return previousOwner.entrySet().stream()
          .filter(entry -> entry.getValue().equals(person))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    /** Everyone whose profile the change touched, absorbed people excluded. */
    public Set<UUID> affected() {
      Set<UUID> affected = new HashSet<>(outcome.owners());
      affected.addAll(previousOwner.values());
      affected.removeAll(outcome.absorbedInto().keySet());
      return affected;
    }
  }

  /**
   * Works out again the groups of every identifier linked to {@code seeds}, and writes where each
   * identifier, record and referral now belongs. A person left with no identifier at all is taken
   * as merged into the holder of {@code fallbackNode}.
   */
  public Regrouping regroup(Collection<String> seeds, String fallbackNode, Instant now) {
    identity.lock(seeds);
    Set<String> nodes = new HashSet<>(seeds);
    Map<String, UUID> previous = new HashMap<>();
    Set<UUID> locked = new HashSet<>();
    IdentityStore.Links links = null;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<String> unknown = new HashSet<>(nodes);
      unknown.removeAll(previous.keySet());
      Map<String, UUID> claimed = identity.owners(unknown);
      Set<UUID> holders = new HashSet<>(claimed.values());
      holders.removeAll(locked);
      identity.lockPeople(holders);
      locked.addAll(holders);
      // Read after locking: what other transactions committed before us is seen now.
      previous.putAll(identity.heldBy(locked));
      nodes.addAll(previous.keySet());
      links = identity.linksAround(nodes);
      Set<String> reached = new HashSet<>();
      for (PeopleGraph.Edge edge : links.edges()) {
        reached.add(edge.from());
        reached.add(edge.to());
      }
      reached.removeAll(nodes);
      // An identifier that changed hands between our read and our lock is read again.
      boolean moved = !previous.keySet().containsAll(claimed.keySet());
      if (reached.isEmpty() && !moved) {
        break;
      }
      nodes.addAll(reached);
      if (round == MAX_ROUNDS - 1) {
        throw new IllegalStateException("Identifiers around " + seeds + " did not settle");
      }
    }
    // An identifier counts while a current record carries it; a PNC id only through a counting one.
    Set<String> inScope = new HashSet<>(links.nodesWithRecords());
    for (PeopleGraph.Edge edge : links.edges()) {
      if (!PeopleGraph.isSourceNode(edge.to())) {
        inScope.add(edge.to());
      }
    }
    PeopleGraph.Outcome outcome =
        PeopleGraph.resolve(
            inScope,
            links.edges(),
            previous,
            identity.firstOwners(inScope),
            identity::mergedAway,
            UUID::randomUUID);
    UUID fallback = outcome.ownerOf().get(fallbackNode);
    Map<UUID, UUID> absorbed = new LinkedHashMap<>(outcome.absorbedInto());
    for (UUID before : new HashSet<>(previous.values())) {
      if (!outcome.owners().contains(before) && !absorbed.containsKey(before) && fallback != null) {
        absorbed.put(before, fallback);
      }
    }
    PeopleGraph.Outcome settled =
        new PeopleGraph.Outcome(
            outcome.ownerOf(),
            absorbed,
            outcome.separatedFrom(),
            outcome.created(),
            outcome.revived());
    identity.apply(settled, previous, now);
    return new Regrouping(settled, previous);
  }
}
