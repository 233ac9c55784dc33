package org.matac.tracking.application.retention;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.refusal.Refused;
import org.matac.support.retention.Disposals;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.RetentionRule;
import org.matac.tracking.persistence.PerpetratorStore;
import org.matac.tracking.persistence.RetentionStore;

/**
 * Retention reviews of perpetrator profiles: the reviews due, a decision to keep until a later
 * review, and disposal, which hard-deletes the person here and, through {@link
 * PerpetratorDisposed}, in every other service. Each act is audited; the audit row of a disposal
 * names only the ids.
 */
@Singleton
public class ReviewingRetention {

  private final RetentionRule rule;
  private final RetentionStore store;
  private final PerpetratorStore perpetrators;
  private final Disposals disposals;
  private final OutboxWriter outbox;
  private final AuditTrail audit;
  private final Clock clock;

  public ReviewingRetention(
      @Value("${matac.retention.review-after}") Period reviewAfter,
      RetentionStore store,
      PerpetratorStore perpetrators,
      Disposals disposals,
      OutboxWriter outbox,
      AuditTrail audit,
      Clock clock) {
    this.rule = new RetentionRule(reviewAfter);
    this.store = store;
    this.perpetrators = perpetrators;
    this.disposals = disposals;
    this.outbox = outbox;
    this.audit = audit;
    this.clock = clock;
  }

  /** One profile's review: when it falls due, whether it is due today, and what was decided. */
  public record Review(
      UUID perpetratorId,
      Instant lastRecordedAt,
      LocalDate keptUntil,
      LocalDate reviewDueOn,
      boolean due,
      Period reviewPeriod,
      List<RetentionStore.Decision> decisions) {}

  public record Disposal(UUID perpetratorId, List<UUID> disposedIds, Instant disposedAt) {}

  /** The reviews due today, longest unreviewed first: the retention task list. */
  @Transactional
  public List<Review> due(int limit, Caller reviewer) {
    LocalDate today = today();
    List<Review> due =
        store.due(today, rule.reviewAfter(), limit).stream()
            .map(standing -> review(standing, today, List.of()))
            .toList();
    due.forEach(review -> consulted(review.perpetratorId(), reviewer, "due list"));
    return due;
  }

  @Transactional
  public Review review(UUID perpetratorId, Caller reviewer) {
    UUID living = living(perpetratorId);
    consulted(living, reviewer, "one profile");
    return current(living);
  }

  /** Keeps the profile until {@code requested}, or one review period from today. */
  @Transactional
  public Review keep(
      UUID perpetratorId, String reason, Optional<LocalDate> requested, Caller reviewer) {
    UUID living = living(perpetratorId);
    LocalDate today = today();
    LocalDate until = rule.keptUntil(requested, today);
    store.recordKeep(living, reason, until, reviewer.subject(), clock.instant());
    audit.record(
        AuditEntry.allowed(
            reviewer,
            AuditEntry.Action.ALTERATION,
            "PERPETRATOR",
            living.toString(),
            "retention review: kept until " + until));
    return current(living);
  }

  /**
   * Disposes of the person: the profile and every profile merged into it are hard-deleted here in
   * this transaction, and the other services are told through the outbox.
   */
  @Transactional
  public Disposal dispose(UUID perpetratorId, RetentionRule.DisposalBasis basis, Caller reviewer) {
    UUID living = living(perpetratorId);
    if (basis == RetentionRule.DisposalBasis.RETENTION_PERIOD_ENDED) {
      Review review = current(living);
      if (!review.due()) {
        throw Refused.conflict(
            "The retention review of "
                + living
                + " is not due until "
                + review.reviewDueOn()
                + "; dispose of it earlier only with basis ERASURE_REQUIRED.");
      }
    }
    List<UUID> group = store.groupOf(living);
    Instant now = clock.instant();
    disposals.dispose(group, now, reviewer, "retention review: disposed, " + basis);
    outbox.append(
        Topics.PERPETRATOR_DISPOSED,
        living.toString(),
        new PerpetratorDisposed(
            UUID.randomUUID(),
            living.toString(),
            group.stream().map(UUID::toString).toList(),
            now));
    return new Disposal(living, group, now);
  }

  /** Checks a requested next review date before anything is decided. */
  public Optional<String> problemWithKeepingUntil(LocalDate requested) {
    return rule.problemWithKeepingUntil(requested, today());
  }

  private Review current(UUID living) {
    RetentionStore.Standing standing =
        store
            .standing(living)
            .orElseThrow(() -> Refused.conflict("Profile " + living + " holds no records."));
    return review(standing, today(), store.decisions(living));
  }

  private Review review(
      RetentionStore.Standing standing, LocalDate today, List<RetentionStore.Decision> decisions) {
    LocalDate dueOn =
        rule.reviewDueOn(standing.lastRecordedAt(), Optional.ofNullable(standing.keptUntil()));
    return new Review(
        standing.perpetratorId(),
        standing.lastRecordedAt(),
        standing.keptUntil(),
        dueOn,
        rule.isDue(dueOn, today),
        rule.reviewAfter(),
        decisions);
  }

  private UUID living(UUID perpetratorId) {
    return perpetrators
        .livingId(perpetratorId)
        .orElseThrow(() -> Refused.notFound("No perpetrator has id " + perpetratorId + "."));
  }

  private void consulted(UUID perpetratorId, Caller reviewer, String what) {
    audit.record(
        AuditEntry.allowed(
            reviewer,
            AuditEntry.Action.CONSULTATION,
            "PERPETRATOR",
            perpetratorId.toString(),
            "retention review: " + what));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
