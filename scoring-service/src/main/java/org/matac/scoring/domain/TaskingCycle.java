package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One MATAC meeting's list for one area, from a draft to a published list. Nobody goes onto a list
 * by score alone (DPA 2018 s.50A-D): the ranking only proposes, every entry needs a named
 * coordinator's decision, a decision is final, and a list with an undecided entry cannot be
 * published. Once published the list is frozen.
 */
public final class TaskingCycle {

  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /** Why a person is on the list. */
  public enum EntryKind {
    /** Ranked among the policy's top candidates, not yet in MATAC. */
    PROPOSED,
    /** Added by a coordinator, with a reason (a MATAC-pathway referral, say). */
    ADDED,
    /** Already in MATAC: the meeting decides whether they stay. */
    REVIEW
  }

  public enum Decision {
    APPROVE,
    REJECT
  }

  /** The cycle itself. */
  public record Cycle(
      UUID id,
      String area,
      LocalDate cycleDate,
      Instant asOf,
      String policyId,
      Status status,
      String createdBy,
      Instant createdAt,
      String publishedBy,
      Instant publishedAt) {}

  /**
   * A person on the list: why, how they stood at the cycle's instant (total, harm, serial), their
   * score when they joined MATAC (reviews only), and the named decision once made.
   */
  public record Entry(
      UUID perpetratorId,
      EntryKind kind,
      Integer rank,
      int total,
      BigDecimal harm,
      boolean serial,
      Integer entryTotal,
      String reason,
      Decision decision,
      String decidedBy,
      Instant decidedAt,
      String decisionReason) {

    static Entry of(
        UUID perpetratorId,
        EntryKind kind,
        Integer rank,
        Optional<Ranked> standing,
        Integer entryTotal,
        String reason) {
      return new Entry(
          perpetratorId,
          kind,
          rank,
          standing.map(ranked -> ranked.score().total()).orElse(0),
          standing.map(ranked -> ranked.score().harm()).orElse(BigDecimal.ZERO),
          standing.map(ranked -> ranked.score().flags().serial()).orElse(false),
          entryTotal,
          reason,
          null,
          null,
          null,
          null);
    }

    public boolean isDecided() {
      return decision != null;
    }

    /** Joins MATAC at publication: approved, and not already in it. */
    public boolean joins() {
      return decision == Decision.APPROVE && kind != EntryKind.REVIEW;
    }

    /** Leaves MATAC at publication: a member the meeting did not continue. */
    boolean leaves() {
      return decision == Decision.REJECT && kind == EntryKind.REVIEW;
    }

    Entry decidedAs(Decision decision, String by, String reason, Instant at) {
      return new Entry(
          perpetratorId,
          kind,
          rank,
          total,
          harm,
          serial,
          entryTotal,
          this.reason,
          decision,
          by,
          at,
          reason);
    }
  }

  /** A person active in MATAC in the area, with their score when they joined. */
  public record Member(UUID perpetratorId, int entryTotal) {}

  /** What publishing sets in motion: who joins MATAC, and who leaves it and why. */
  public record Publication(Cycle cycle, List<Entry> joining, List<Leaving> leaving) {}

  /** A member not continued, with their score at this cycle as the exit score. */
  public record Leaving(UUID perpetratorId, int exitTotal, String reason) {}

  private final Cycle cycle;
  private final List<Entry> entries;

  private TaskingCycle(Cycle cycle, List<Entry> entries) {
    this.cycle = cycle;
    this.entries = List.copyOf(entries);
  }

  /** A cycle as it was stored. */
  public static TaskingCycle of(Cycle cycle, List<Entry> entries) {
    return new TaskingCycle(cycle, entries);
  }

  /** The instant a cycle's list is scored at: the start of its date. */
  public static Instant asOf(LocalDate cycleDate) {
    return cycleDate.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * A new draft: the policy's top candidates of the ranking not already in MATAC, ranked 1 to N,
   * and every member for review beside their entry score, with how they stand today.
   */
  public static TaskingCycle draft(
      UUID id,
      String area,
      LocalDate cycleDate,
      ScoringPolicy policy,
      List<Ranked> ranking,
      List<Member> members,
      String coordinator,
      Instant now) {
    Cycle cycle =
        new Cycle(
            id,
            area,
            cycleDate,
            asOf(cycleDate),
            policy.id(),
            Status.DRAFT,
            coordinator,
            now,
            null,
            null);
    Set<UUID> inMatac = members.stream().map(Member::perpetratorId).collect(Collectors.toSet());
    List<Entry> entries = new ArrayList<>();
    int rank = 0;
    for (Ranked candidate : ranking) {
      if (rank == policy.cohorts().matacTopN()) {
        break;
      }
      if (candidate.isMatacCandidate(policy) && !inMatac.contains(candidate.perpetratorId())) {
        rank++;
        entries.add(
            Entry.of(
                candidate.perpetratorId(),
                EntryKind.PROPOSED,
                rank,
                Optional.of(candidate),
                null,
                null));
      }
    }
    Map<UUID, Ranked> today =
        ranking.stream().collect(Collectors.toMap(Ranked::perpetratorId, Function.identity()));
    for (Member member : members) {
      entries.add(
          Entry.of(
              member.perpetratorId(),
              EntryKind.REVIEW,
              null,
              Optional.ofNullable(today.get(member.perpetratorId())),
              member.entryTotal(),
              null));
    }
    return new TaskingCycle(cycle, entries);
  }

  public Cycle cycle() {
    return cycle;
  }

  public List<Entry> entries() {
    return entries;
  }

  /** A person a coordinator asks for, with their reason, as they stand at the cycle's instant. */
  public Outcome<Entry> add(UUID perpetratorId, Optional<Ranked> standing, String reason) {
    Optional<Refusal> frozen = frozen();
    if (frozen.isPresent()) {
      return Outcome.refused(frozen.get());
    }
    if (entryOf(perpetratorId).isPresent()) {
      return Outcome.refused(Refusal.conflict(perpetratorId + " is already on this cycle."));
    }
    return Outcome.of(Entry.of(perpetratorId, EntryKind.ADDED, null, standing, null, reason));
  }

  /** A named coordinator's decision on an entry: final once made. */
  public Outcome<Entry> decide(
      UUID perpetratorId, Decision decision, String coordinator, String reason, Instant at) {
    Optional<Refusal> frozen = frozen();
    if (frozen.isPresent()) {
      return Outcome.refused(frozen.get());
    }
    Optional<Entry> entry = entryOf(perpetratorId);
    if (entry.isEmpty()) {
      return Outcome.refused(Refusal.notFound(perpetratorId + " is not on this cycle."));
    }
    if (entry.get().isDecided()) {
      return Outcome.refused(
          Refusal.conflict("That entry was already decided; decisions are final."));
    }
    return Outcome.of(entry.get().decidedAs(decision, coordinator, reason, at));
  }

  /**
   * Freezes the list: approved new entries join MATAC with this cycle's score as their entry score;
   * members whose review was rejected leave it with this cycle's score as their exit score. Refused
   * while any entry is undecided.
   */
  public Outcome<Publication> publish(String coordinator, Instant at) {
    Optional<Refusal> frozen = frozen();
    if (frozen.isPresent()) {
      return Outcome.refused(frozen.get());
    }
    long undecided = entries.stream().filter(entry -> !entry.isDecided()).count();
    if (undecided > 0) {
      return Outcome.refused(
          Refusal.conflict(
              undecided + " entries are undecided: every entry needs a named decision first."));
    }
    Cycle published =
        new Cycle(
            cycle.id(),
            cycle.area(),
            cycle.cycleDate(),
            cycle.asOf(),
            cycle.policyId(),
            Status.PUBLISHED,
            cycle.createdBy(),
            cycle.createdAt(),
            coordinator,
            at);
    List<Leaving> leaving =
        entries.stream()
            .filter(Entry::leaves)
            .map(
                review ->
                    new Leaving(
                        review.perpetratorId(),
                        review.total(),
                        "not continued at the review of cycle "
                            + cycle.id()
                            + ": "
                            + review.decisionReason()))
            .toList();
    return Outcome.of(
        new Publication(published, entries.stream().filter(Entry::joins).toList(), leaving));
  }

  private Optional<Refusal> frozen() {
    return cycle.status() == Status.DRAFT
        ? Optional.empty()
        : Optional.of(
            Refusal.conflict("Tasking cycle " + cycle.id() + " is published and frozen."));
  }

  private Optional<Entry> entryOf(UUID perpetratorId) {
    return entries.stream()
        .filter(entry -> entry.perpetratorId().equals(perpetratorId))
        .findFirst();
  }
}
