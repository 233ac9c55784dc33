package org.matac.tracking.application.deadletter;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.matac.events.Topics;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.kafka.ReliableProducer;
import org.matac.support.problem.ProblemException;
import org.matac.support.security.Caller;
import org.matac.tracking.persistence.DeadLetterStore;

/**
 * Where an admin sees what intake refused and sends it again once the sender or the mapping is
 * fixed. Nothing rejected is silently dropped: every dead letter is kept until replayed, and a
 * replayed record is validated again like any other.
 */
@Singleton
public class DeadLetterDesk {

  public static final String REPLAYED_FROM = "replayed-from-dead-letter";

  /** Only the inbound topics: a dead letter cannot be sent anywhere else. */
  private static final Set<String> REPLAYABLE = Set.of(Topics.POLICE_INTAKE, Topics.PARTNER_INTAKE);

  private final DeadLetterStore store;
  private final ReliableProducer producer;
  private final AuditTrail audit;
  private final Clock clock;

  public DeadLetterDesk(
      DeadLetterStore store, ReliableProducer producer, AuditTrail audit, Clock clock) {
    this.store = store;
    this.producer = producer;
    this.audit = audit;
    this.clock = clock;
  }

  /** Keeps a dead letter as it arrived on the dead-letter topic; a redelivery keeps it once. */
  @Transactional
  public void keep(DeadLetterStore.Arrival letter) {
    store.keep(letter);
  }

  @Transactional
  public List<DeadLetterStore.Summary> list(Optional<String> status, int limit) {
    return store.list(status, limit);
  }

  /** The record as sent: it may hold personal data, so reading it is an audited consultation. */
  @Transactional
  public Map<String, Object> show(UUID id, Caller admin) {
    DeadLetterStore.Letter letter =
        store
            .find(id, false)
            .orElseThrow(() -> ProblemException.notFound("No dead letter " + id + "."));
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.CONSULTATION,
            "DEAD_LETTER",
            id.toString(),
            "dead letter inspected"));
    return Map.of(
        "summary",
        letter.summary(),
        "value",
        letter.value() == null ? "" : new String(letter.value(), StandardCharsets.UTF_8));
  }

  /**
   * Sends the record back to its original topic, unchanged but for a header naming the dead letter,
   * and marks it replayed. The send happens first: if marking fails the admin may replay again, and
   * intake's idempotency by eventId absorbs the repeat.
   */
  @Transactional
  public DeadLetterStore.Summary replay(UUID id, Caller admin) {
    DeadLetterStore.Letter letter =
        store
            .find(id, true)
            .orElseThrow(() -> ProblemException.notFound("No dead letter " + id + "."));
    String topic = letter.summary().originalTopic();
    if (!REPLAYABLE.contains(topic)) {
      throw ProblemException.conflict("Dead letter " + id + " did not come from an intake topic.");
    }
    if ("REPLAYED".equals(letter.summary().status())) {
      throw ProblemException.conflict("Dead letter " + id + " was already replayed.");
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(REPLAYED_FROM, id.toString().getBytes(StandardCharsets.UTF_8));
    try {
      producer
          .send(new ProducerRecord<>(topic, null, letter.key(), letter.value(), headers))
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while replaying", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the replayed record", e);
    }
    store.markReplayed(id, admin.subject(), clock.instant());
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.COLLECTION,
            "DEAD_LETTER",
            id.toString(),
            "replayed to " + topic));
    return store.find(id, false).orElseThrow().summary();
  }
}
