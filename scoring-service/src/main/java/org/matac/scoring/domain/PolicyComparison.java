package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who enters and who leaves an area's top N when policy B ranks the same people as policy A, and
 * why: a partnership can see what a change of weights would do before it adopts it.
 */
public final class PolicyComparison {

  private PolicyComparison() {}

  /**
   * One person's place under each policy; a rank is empty when that policy does not rank the person
   * in the area at all (for example under a shorter window).
   */
  public record Placing(
      UUID perpetratorId,
      Integer rankA,
      Integer rankB,
      Score scoreA,
      Score scoreB,
      List<String> reasons) {}

  public record Result(List<Placing> entering, List<Placing> leaving, List<Placing> staying) {}

  /** Compares the top {@code topN} of two complete rankings of the same area and instant. */
  public static Result compare(List<Ranked> underA, List<Ranked> underB, int topN) {
    Map<UUID, Integer> rankA = ranks(underA);
    Map<UUID, Integer> rankB = ranks(underB);
    Map<UUID, Score> scoreA = scores(underA);
    Map<UUID, Score> scoreB = scores(underB);
    Set<UUID> topA = top(underA, topN);
    Set<UUID> topB = top(underB, topN);

    List<Placing> entering = new ArrayList<>();
    List<Placing> leaving = new ArrayList<>();
    List<Placing> staying = new ArrayList<>();
    for (UUID person : topB) {
      Placing placing =
          placing(person, rankA.get(person), rankB.get(person), scoreA, scoreB, topN, true);
      (topA.contains(person) ? staying : entering).add(placing);
    }
    for (UUID person : topA) {
      if (!topB.contains(person)) {
        leaving.add(
            placing(person, rankA.get(person), rankB.get(person), scoreA, scoreB, topN, false));
      }
    }
    return new Result(entering, leaving, staying);
  }

  private static Placing placing(
      UUID person,
      Integer rankA,
      Integer rankB,
      Map<UUID, Score> scoresA,
      Map<UUID, Score> scoresB,
      int topN,
      boolean inTopB) {
    Score a = scoresA.get(person);
    Score b = scoresB.get(person);
    return new Placing(person, rankA, rankB, a, b, reasons(a, b, rankA, rankB, topN, inTopB));
  }

  /**
   * The components that differ, then the incidents whose contribution differs; when nothing about
   * the person changed, they moved because others overtook them or fell behind.
   */
  static List<String> reasons(
      Score a, Score b, Integer rankA, Integer rankB, int topN, boolean inTopB) {
    List<String> reasons = new ArrayList<>();
    if (a == null) {
      reasons.add("not ranked in this area under policy A");
      return reasons;
    }
    if (b == null) {
      reasons.add("not ranked in this area under policy B");
      return reasons;
    }
    points(reasons, "recency", a.recency(), b.recency());
    points(reasons, "frequency", a.frequency(), b.frequency());
    points(reasons, "gravity", a.gravity(), b.gravity());
    points(reasons, "victims", a.victims(), b.victims());
    if (a.harm().compareTo(b.harm()) != 0) {
      reasons.add("harm " + plain(a.harm()) + " -> " + plain(b.harm()) + " days");
    }
    flag(reasons, "serial", a.flags().serial(), b.flags().serial());
    flag(reasons, "repeat", a.flags().repeat(), b.flags().repeat());
    flag(reasons, "escalating", a.flags().escalating(), b.flags().escalating());
    reasons.addAll(incidentChanges(a, b));
    if (reasons.isEmpty()) {
      reasons.add(
          (inTopB ? "moved up past others" : "overtaken by others")
              + ": total "
              + a.total()
              + " under both policies, rank "
              + rankA
              + " -> "
              + rankB
              + " of a top "
              + topN);
    } else {
      reasons.add(0, "total " + a.total() + " -> " + b.total());
    }
    return reasons;
  }

  private static List<String> incidentChanges(Score a, Score b) {
    Map<String, Score.Evidence> before = new HashMap<>();
    a.evidence().forEach(evidence -> before.put(key(evidence), evidence));
    List<String> changes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Score.Evidence after : b.evidence()) {
      seen.add(key(after));
      Score.Evidence was = before.get(key(after));
      if (was == null) {
        changes.add("incident " + key(after) + " counts only under policy B");
      } else if (was.harm().compareTo(after.harm()) != 0
          || !Objects.equals(was.gravestOffence(), after.gravestOffence())) {
        changes.add(
            "incident "
                + key(after)
                + " ("
                + after.gravestOffence()
                + ") harm "
                + plain(was.harm())
                + " -> "
                + plain(after.harm()));
      }
    }
    for (Score.Evidence was : a.evidence()) {
      if (!seen.contains(key(was))) {
        changes.add("incident " + key(was) + " counts only under policy A");
      }
    }
    return changes;
  }

  private static String key(Score.Evidence evidence) {
    return evidence.source() + "/" + evidence.incidentRef();
  }

  private static void points(List<String> reasons, String component, int a, int b) {
    if (a != b) {
      reasons.add(component + " points " + a + " -> " + b);
    }
  }

  private static void flag(List<String> reasons, String flag, boolean a, boolean b) {
    if (a != b) {
      reasons.add(flag + " flag " + (b ? "set" : "cleared") + " under policy B");
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static Map<UUID, Integer> ranks(List<Ranked> ranking) {
    Map<UUID, Integer> ranks = new HashMap<>();
    for (int i = 0; i < ranking.size(); i++) {
      ranks.put(ranking.get(i).perpetratorId(), i + 1);
    }
    return ranks;
  }

  private static Map<UUID, Score> scores(List<Ranked> ranking) {
    Map<UUID, Score> scores = new HashMap<>();
    ranking.forEach(ranked -> scores.put(ranked.perpetratorId(), ranked.score()));
    return scores;
  }

  private static Set<UUID> top(List<Ranked> ranking, int topN) {
    Set<UUID> top = new LinkedHashSet<>();
    ranking.stream().limit(topN).forEach(ranked -> top.add(ranked.perpetratorId()));
    return top;
  }
}
