package org.matac.support.retention;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.inbox.ProcessedMessages;
import org.matac.support.security.Caller;
import org.matac.support.sql.Sql;

/**
 * Disposal after a retention review, the same in every service: erase what the service holds, keep
 * only the disposed ids (random, the project's own, linking to nothing once the data is gone) so
 * that replaying Kafka from the beginning cannot bring the person back, and leave one audit row per
 * id that says an erasure happened and nothing of what was erased. See docs/adr/0007.
 */
@Singleton
public class Disposals {

  private final Sql sql;
  private final ProcessedMessages processed;
  private final AuditTrail audit;
  private final List<PersonalDataEraser> erasers;

  public Disposals(
      Sql sql, ProcessedMessages processed, AuditTrail audit, List<PersonalDataEraser> erasers) {
    this.sql = sql;
    this.processed = processed;
    this.audit = audit;
    this.erasers = erasers;
  }

  public boolean isDisposed(String perpetratorId) {
    return !disposedAmong(List.of(perpetratorId)).isEmpty();
  }

  /** Those of {@code perpetratorIds} that were disposed of. */
  public Set<String> disposedAmong(Collection<String> perpetratorIds) {
    if (perpetratorIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        sql.query(
            "SELECT perpetrator_id::text FROM disposed_perpetrator"
                + " WHERE perpetrator_id = ANY(?::uuid[])",
            row -> row.getString(1),
            (Object) perpetratorIds.toArray(String[]::new)));
  }

  /**
   * Whether to act on one message to {@code consumer}: delivered for the first time (recorded in
   * the caller's transaction) and about someone not disposed of, whom a replay must not restore.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDeliveryAboutAKeptPerson(
      String consumer, UUID messageId, String perpetratorId) {
    return processed.recordFirstDelivery(consumer, messageId.toString())
        && !isDisposed(perpetratorId);
  }

  /**
   * Of a poll's messages to {@code consumer}, those to act on, in order: delivered for the first
   * time (recorded in the caller's transaction; a message sent twice within the poll counts once,
   * at its first place) and about someone not disposed of, whom a replay must not restore.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <T> List<T> firstDeliveriesAboutKeptPeople(
      String consumer,
      List<T> messages,
      Function<T, UUID> messageId,
      Function<T, String> perpetratorId) {
    Set<String> first =
        processed.recordFirstDeliveries(
            consumer,
            messages.stream().map(message -> messageId.apply(message).toString()).toList());
    Set<String> disposed =
        disposedAmong(messages.stream().map(perpetratorId).collect(Collectors.toSet()));
    return messages.stream()
        .filter(message -> first.remove(messageId.apply(message).toString()))
        .filter(message -> !disposed.contains(perpetratorId.apply(message)))
        .toList();
  }

  /**
   * Erases everything this service holds about {@code perpetratorIds} in the caller's transaction,
   * including dead letters keyed by them, and remembers that they were disposed of.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void dispose(List<UUID> perpetratorIds, Instant disposedAt, Caller actor, String purpose) {
    erasers.forEach(eraser -> eraser.erase(perpetratorIds, disposedAt));
    String[] keys = perpetratorIds.stream().map(UUID::toString).toArray(String[]::new);
    // Messages not yet relayed and records that failed carry the profile too.
    sql.update("DELETE FROM outbox_message WHERE message_key = ANY(?)", (Object) keys);
    sql.update("DELETE FROM dead_letter WHERE message_key = ANY(?)", (Object) keys);
    sql.update(
        "INSERT INTO disposed_perpetrator (perpetrator_id, disposed_at)"
            + " SELECT unnest(?::uuid[]), ? ON CONFLICT DO NOTHING",
        keys,
        disposedAt);
    for (UUID id : perpetratorIds) {
      audit.record(
          AuditEntry.allowed(
              actor, AuditEntry.Action.ERASURE, "PERPETRATOR", id.toString(), purpose));
    }
  }

  /** Applies tracking's disposal once, however often the message is delivered. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void onPerpetratorDisposed(PerpetratorDisposed message, String consumer, Caller service) {
    if (!processed.recordFirstDelivery(consumer, message.messageId().toString())) {
      return;
    }
    dispose(
        message.disposedIds().stream().map(UUID::fromString).toList(),
        message.disposedAt(),
        service,
        "retention review: disposal decided in tracking-service");
  }
}
