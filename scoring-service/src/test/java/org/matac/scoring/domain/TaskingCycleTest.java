package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaskingCycleTest {

  private static final ScoringPolicy POLICY = Policies.rfgv1();
  private static final LocalDate MEETING = LocalDate.parse("2026-12-10");
  private static final Instant NOW = Instant.parse("2026-12-08T09:30:00Z");
  private static final int THRESHOLD = POLICY.cohorts().matacThreshold();

  private static UUID person(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes());
  }

  private static Ranked ranked(String name, int total, boolean serial) {
    Score score =
        new Score(
            POLICY.id(),
            TaskingCycle.asOf(MEETING),
            0,
            0,
            BigDecimal.valueOf(total * 10L),
            0,
            0,
            total,
            new Score.Flags(serial, false, false),
            Optional.empty(),
            List.of());
    return new Ranked(person(name), score, name);
  }

  private static TaskingCycle draft(List<Ranked> ranking, List<TaskingCycle.Member> members) {
    return TaskingCycle.draft(
        UUID.randomUUID(), "SOUTHAMPTON", MEETING, POLICY, ranking, members, "coordinator-1", NOW);
  }

  private static <T> T done(Outcome<T> outcome) {
    return outcome.orElseThrow(refusal -> new IllegalStateException("refused: " + refusal));
  }

  private static Refusal refusal(Outcome<?> outcome) {
    return outcome.refusal().orElseThrow(() -> new AssertionError("not refused"));
  }

  /** The cycle with {@code decided} recorded, as the store would give it back. */
  private static TaskingCycle with(TaskingCycle cycle, TaskingCycle.Entry decided) {
    List<TaskingCycle.Entry> entries = new ArrayList<>();
    for (TaskingCycle.Entry entry : cycle.entries()) {
      entries.add(entry.perpetratorId().equals(decided.perpetratorId()) ? decided : entry);
    }
    return TaskingCycle.of(cycle.cycle(), entries);
  }

  private static TaskingCycle decided(TaskingCycle cycle, String name, TaskingCycle.Decision d) {
    return with(cycle, done(cycle.decide(person(name), d, "coordinator-1", "agreed", NOW)));
  }

  @Nested
  class A_draft {

    private final List<Ranked> ranking =
        List.of(
            ranked("alpha", THRESHOLD + 8, false),
            ranked("member", THRESHOLD + 6, false),
            ranked("serial-below-threshold", THRESHOLD - 2, true),
            ranked("below-threshold", THRESHOLD - 2, false));
    private final TaskingCycle cycle =
        draft(ranking, List.of(new TaskingCycle.Member(person("member"), THRESHOLD + 9)));

    @Test
    void proposes_the_candidates_at_the_threshold_or_serial_in_ranking_order_numbered_from_one() {
      assertThat(cycle.entries())
          .filteredOn(entry -> entry.kind() == TaskingCycle.EntryKind.PROPOSED)
          .extracting(TaskingCycle.Entry::perpetratorId, TaskingCycle.Entry::rank)
          .containsExactly(tuple(person("alpha"), 1), tuple(person("serial-below-threshold"), 2));
    }

    @Test
    void reviews_each_member_beside_their_entry_score_instead_of_proposing_them() {
      TaskingCycle.Entry review =
          cycle.entries().stream()
              .filter(entry -> entry.perpetratorId().equals(person("member")))
              .findFirst()
              .orElseThrow();

      assertThat(review.kind()).isEqualTo(TaskingCycle.EntryKind.REVIEW);
      assertThat(review.total()).isEqualTo(THRESHOLD + 6);
      assertThat(review.entryTotal()).isEqualTo(THRESHOLD + 9);
      assertThat(review.rank()).isNull();
    }

    @Test
    void reviews_a_member_who_no_longer_ranks_with_a_total_of_nought() {
      TaskingCycle quiet = draft(List.of(), List.of(new TaskingCycle.Member(person("quiet"), 20)));

      assertThat(quiet.entries())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.total()).isZero();
                assertThat(entry.harm()).isZero();
                assertThat(entry.serial()).isFalse();
              });
    }

    @Test
    void proposes_no_more_than_the_policys_top_n() {
      List<Ranked> many = new ArrayList<>();
      for (int i = 0; i < POLICY.cohorts().matacTopN() + 2; i++) {
        many.add(ranked("candidate-" + i, THRESHOLD + 1, false));
      }

      TaskingCycle full = draft(many, List.of());

      assertThat(full.entries()).hasSize(POLICY.cohorts().matacTopN());
      assertThat(full.entries().get(full.entries().size() - 1).rank())
          .isEqualTo(POLICY.cohorts().matacTopN());
    }

    @Test
    void is_scored_at_the_start_of_the_meetings_date_and_undecided() {
      assertThat(cycle.cycle().asOf()).isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));
      assertThat(cycle.cycle().status()).isEqualTo(TaskingCycle.Status.DRAFT);
      assertThat(cycle.entries()).noneMatch(TaskingCycle.Entry::isDecided);
    }
  }

  @Nested
  class Adding_a_person {

    private final TaskingCycle cycle = draft(List.of(ranked("alpha", 20, false)), List.of());

    @Test
    void puts_them_on_the_list_with_the_coordinators_reason_as_they_stand() {
      TaskingCycle.Entry added =
          done(cycle.add(person("referred"), Optional.of(ranked("referred", 9, true)), "referral"));

      assertThat(added.kind()).isEqualTo(TaskingCycle.EntryKind.ADDED);
      assertThat(added.reason()).isEqualTo("referral");
      assertThat(added.total()).isEqualTo(9);
      assertThat(added.serial()).isTrue();
    }

    @Test
    void already_on_the_list_is_refused() {
      assertThat(refusal(cycle.add(person("alpha"), Optional.empty(), "again")))
          .isEqualTo(Refusal.conflict(person("alpha") + " is already on this cycle."));
    }
  }

  @Nested
  class A_decision {

    private final TaskingCycle cycle = draft(List.of(ranked("alpha", 20, false)), List.of());

    @Test
    void names_who_decided_when_and_why() {
      TaskingCycle.Entry decided =
          done(
              cycle.decide(
                  person("alpha"),
                  TaskingCycle.Decision.REJECT,
                  "coordinator-2",
                  "in prison",
                  NOW));

      assertThat(decided.decision()).isEqualTo(TaskingCycle.Decision.REJECT);
      assertThat(decided.decidedBy()).isEqualTo("coordinator-2");
      assertThat(decided.decidedAt()).isEqualTo(NOW);
      assertThat(decided.decisionReason()).isEqualTo("in prison");
    }

    @Test
    void is_final() {
      TaskingCycle once = decided(cycle, "alpha", TaskingCycle.Decision.APPROVE);

      assertThat(
              refusal(
                  once.decide(person("alpha"), TaskingCycle.Decision.REJECT, "c", "changed", NOW)))
          .isEqualTo(Refusal.conflict("That entry was already decided; decisions are final."));
    }

    @Test
    void on_someone_not_on_the_list_is_not_found() {
      assertThat(
              refusal(cycle.decide(person("nobody"), TaskingCycle.Decision.APPROVE, "c", "", NOW))
                  .kind())
          .isEqualTo(Refusal.Kind.NOT_FOUND);
    }
  }

  @Nested
  class Publishing {

    private final TaskingCycle cycle =
        draft(
            List.of(
                ranked("approved", 20, false),
                ranked("rejected", 19, false),
                ranked("continued", 18, false),
                ranked("not-continued", 17, false)),
            List.of(
                new TaskingCycle.Member(person("continued"), 25),
                new TaskingCycle.Member(person("not-continued"), 24)));

    private TaskingCycle allDecided() {
      TaskingCycle decided = decided(cycle, "approved", TaskingCycle.Decision.APPROVE);
      decided = decided(decided, "rejected", TaskingCycle.Decision.REJECT);
      decided = decided(decided, "continued", TaskingCycle.Decision.APPROVE);
      return with(
          decided,
          done(
              decided.decide(
                  person("not-continued"),
                  TaskingCycle.Decision.REJECT,
                  "coordinator-1",
                  "no offending for a year",
                  NOW)));
    }

    @Test
    void is_refused_while_an_entry_is_undecided_saying_how_many() {
      TaskingCycle partly = decided(cycle, "approved", TaskingCycle.Decision.APPROVE);

      assertThat(refusal(partly.publish("coordinator-1", NOW)))
          .isEqualTo(
              Refusal.conflict(
                  "3 entries are undecided: every entry needs a named decision first."));
    }

    @Test
    void brings_in_only_the_approved_newcomers() {
      TaskingCycle.Publication publication = done(allDecided().publish("coordinator-1", NOW));

      assertThat(publication.joining())
          .extracting(TaskingCycle.Entry::perpetratorId)
          .containsExactly(person("approved"));
    }

    @Test
    void lets_go_the_members_not_continued_with_this_cycles_total_and_the_reason() {
      TaskingCycle decided = allDecided();

      TaskingCycle.Publication publication = done(decided.publish("coordinator-1", NOW));

      assertThat(publication.leaving())
          .containsExactly(
              new TaskingCycle.Leaving(
                  person("not-continued"),
                  17,
                  "not continued at the review of cycle "
                      + decided.cycle().id()
                      + ": no offending for a year"));
    }

    @Test
    void freezes_the_list_under_the_publishers_name() {
      TaskingCycle.Publication publication = done(allDecided().publish("coordinator-3", NOW));
      TaskingCycle published = TaskingCycle.of(publication.cycle(), allDecided().entries());

      assertThat(publication.cycle().status()).isEqualTo(TaskingCycle.Status.PUBLISHED);
      assertThat(publication.cycle().publishedBy()).isEqualTo("coordinator-3");
      assertThat(publication.cycle().publishedAt()).isEqualTo(NOW);
      Refusal frozen =
          Refusal.conflict("Tasking cycle " + published.cycle().id() + " is published and frozen.");
      assertThat(refusal(published.publish("coordinator-3", NOW))).isEqualTo(frozen);
      assertThat(refusal(published.add(person("late"), Optional.empty(), "late")))
          .isEqualTo(frozen);
      assertThat(
              refusal(
                  published.decide(person("approved"), TaskingCycle.Decision.REJECT, "c", "", NOW)))
          .isEqualTo(frozen);
    }
  }
}
