package org.matac.tracking.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who is one person, as the contract defines it: the connected groups of identifiers ({@code
 * (source, sourcePersonId)} and {@code pncId}) appearing together on the current versions of
 * records that count, plus the links an admin made by hand. Names and dates of birth never join
 * anyone.
 *
 * <p>Given the identifiers around a change, the edges between them, and who owned each identifier
 * before, this works out the groups now and which perpetrator id each keeps: ids stay with the
 * group holding most of their identifiers, an id left without a group was merged into another, and
 * a group split away gets back the id it first had, else a new one.
 */
public final class PeopleGraph {

  private PeopleGraph() {}

  /** An identifier: {@code S|source|sourcePersonId} or {@code P|pncId}. */
  public static String sourceNode(String source, String sourcePersonId) {
    return "S|" + source + "|" + sourcePersonId;
  }

  public static String pncNode(String pncId) {
    return "P|" + pncId;
  }

  public static boolean isSourceNode(String node) {
    return node.startsWith("S|");
  }

  /** Two identifiers that a counting record or an admin's link puts together. */
  public record Edge(String from, String to) {}

  /**
   * The groups after a change. {@code ownerOf} maps every identifier in scope to its perpetrator
   * id; {@code absorbedInto} names the ids that lost their group to another; {@code separatedFrom}
   * pairs the ids whose identifiers were split apart; {@code created} lists the new ids.
   */
  public record Outcome(
      Map<String, UUID> ownerOf,
      Map<UUID, UUID> absorbedInto,
      Map<UUID, Set<UUID>> separatedFrom,
      Set<UUID> created,
      Set<UUID> revived) {

    public Set<UUID> owners() {
      return new LinkedHashSet<>(ownerOf.values());
    }
  }

  /**
   * @param nodes every identifier in scope: the ones around the change and every identifier of the
   *     people who held them
   * @param edges the links among them
   * @param previousOwner who held each identifier before (absent for a new one)
   * @param firstOwner the id each identifier had when first seen: on a split each part keeps, or
   *     gets back, the id its identifiers started under where it can
   * @param mayRevive whether an id that holds nothing now (merged away) may be given back
   * @param newId makes a perpetrator id for a group that has none to keep
   */
  public static Outcome resolve(
      Collection<String> nodes,
      Collection<Edge> edges,
      Map<String, UUID> previousOwner,
      Map<String, UUID> firstOwner,
      Predicate<UUID> mayRevive,
      Supplier<UUID> newId) {
    List<Set<String>> groups = groups(nodes, edges);

    // Each group keeps a previous id: first the one most of its identifiers started under, then
    // the one holding most of them; ties go to the smaller id, so that the result never depends
    // on the order things happened to be read in.
    record Claim(int group, UUID owner, int home, int held) {}
    List<Claim> claims = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Map<UUID, Integer> held = new HashMap<>();
      Map<UUID, Integer> home = new HashMap<>();
      for (String node : groups.get(g)) {
        UUID owner = previousOwner.get(node);
        if (owner != null) {
          held.merge(owner, 1, Integer::sum);
          if (owner.equals(firstOwner.get(node))) {
            home.merge(owner, 1, Integer::sum);
          }
        }
      }
      for (Map.Entry<UUID, Integer> entry : held.entrySet()) {
        claims.add(
            new Claim(g, entry.getKey(), home.getOrDefault(entry.getKey(), 0), entry.getValue()));
      }
    }
    claims.sort(
        Comparator.comparingInt(Claim::home)
            .reversed()
            .thenComparing(Comparator.comparingInt(Claim::held).reversed())
            .thenComparing(claim -> claim.owner().toString())
            .thenComparingInt(Claim::group));
    Map<Integer, UUID> idOf = new HashMap<>();
    Set<UUID> taken = new HashSet<>();
    for (Claim claim : claims) {
      if (!idOf.containsKey(claim.group()) && taken.add(claim.owner())) {
        idOf.put(claim.group(), claim.owner());
      }
    }
    Set<UUID> created = new LinkedHashSet<>();
    Set<UUID> revived = new LinkedHashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      if (idOf.containsKey(g)) {
        continue;
      }
      UUID first =
          groups.get(g).stream()
              .map(firstOwner::get)
              .filter(id -> id != null && !taken.contains(id) && mayRevive.test(id))
              .min(Comparator.comparing(UUID::toString))
              .orElse(null);
      if (first == null) {
        first = newId.get();
        created.add(first);
      } else {
        revived.add(first);
      }
      taken.add(first);
      idOf.put(g, first);
    }

    Map<String, UUID> ownerOf = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (String node : groups.get(g)) {
        ownerOf.put(node, idOf.get(g));
      }
    }
    Map<UUID, UUID> absorbedInto = new LinkedHashMap<>();
    Map<UUID, Set<UUID>> separatedFrom = new LinkedHashMap<>();
    Map<UUID, Map<UUID, Integer>> whereNodesWent = new HashMap<>();
    previousOwner.forEach(
        (node, before) -> {
          UUID after = ownerOf.get(node);
          if (after != null) {
            whereNodesWent
                .computeIfAbsent(before, id -> new HashMap<>())
                .merge(after, 1, Integer::sum);
          }
        });
    for (Map.Entry<UUID, Map<UUID, Integer>> entry : whereNodesWent.entrySet()) {
      UUID before = entry.getKey();
      if (!taken.contains(before)) {
        absorbedInto.put(
            before,
            entry.getValue().entrySet().stream()
                .max(
                    Comparator.comparingInt((Map.Entry<UUID, Integer> e) -> e.getValue())
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .orElseThrow()
                .getKey());
        continue;
      }
      for (UUID after : entry.getValue().keySet()) {
        if (!after.equals(before)) {
          separatedFrom.computeIfAbsent(before, id -> new TreeSet<>()).add(after);
          separatedFrom.computeIfAbsent(after, id -> new TreeSet<>()).add(before);
        }
      }
    }
    return new Outcome(ownerOf, absorbedInto, separatedFrom, created, revived);
  }

  /** The connected groups of {@code nodes} under {@code edges}, each in a stable order. */
  static List<Set<String>> groups(Collection<String> nodes, Collection<Edge> edges) {
    Map<String, String> parent = new HashMap<>();
    for (String node : new TreeSet<>(nodes)) {
      parent.put(node, node);
    }
    for (Edge edge : edges) {
      if (parent.containsKey(edge.from()) && parent.containsKey(edge.to())) {
        String a = root(parent, edge.from());
        String b = root(parent, edge.to());
        if (!a.equals(b)) {
          // The smaller root wins, so groups come out the same whatever the edge order.
          if (a.compareTo(b) < 0) {
            parent.put(b, a);
          } else {
            parent.put(a, b);
          }
        }
      }
    }
    Map<String, Set<String>> byRoot = new TreeMap<>();
    for (String node : new TreeSet<>(parent.keySet())) {
      byRoot.computeIfAbsent(root(parent, node), root -> new TreeSet<>()).add(node);
    }
    return new ArrayList<>(byRoot.values());
  }

  private static String root(Map<String, String> parent, String node) {
    String current = node;
    while (!parent.get(current).equals(current)) {
      parent.put(current, parent.get(parent.get(current)));
      current = parent.get(current);
    }
    return current;
  }
}
