package org.matac.support.deadletter;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.matac.events.DeadLetterHeaders;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.kafka.ReliableProducer;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * Where an admin sees what a service could not take, from partners (intake) or from another
 * service, and sends it again once the sender, the mapping or the fault is fixed. Nothing rejected
 * is silently dropped: every dead letter is kept until replayed, and a replayed record is handled
 * again like any other; consumers are idempotent, so a replay that others had already taken changes
 * nothing for them.
 */
@Singleton
public class DeadLetterDesk {

  public static final String REPLAYED_FROM = "replayed-from-dead-letter";

  private final DeadLetterStore store;
  private final ReliableProducer producer;
  private final AuditTrail audit;
  private final Clock clock;

  /** The topics this service consumes: a dead letter goes back only where it came from. */
  private final Set<String> replayable;

  public DeadLetterDesk(
      DeadLetterStore store,
      ReliableProducer producer,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.dead-letters.replayable-topics}") List<String> replayable) {
    this.store = store;
    this.producer = producer;
    this.audit = audit;
    this.clock = clock;
    this.replayable = Set.copyOf(replayable);
  }

  /** Keeps a dead letter as it arrived on the dead-letter topic; a redelivery keeps it once. */
  @Transactional
  public void keep(DeadLetterStore.Arrival letter) {
    store.keep(letter);
  }

  /** Keeps a record read from a dead-letter topic, with the origin and reason its headers name. */
  @Transactional
  public void keep(ConsumerRecord<String, byte[]> record) {
    String partition = header(record, DeadLetterHeaders.ORIGINAL_PARTITION);
    String offset = header(record, DeadLetterHeaders.ORIGINAL_OFFSET);
    String at = header(record, DeadLetterHeaders.DEAD_LETTERED_AT);
    store.keep(
        new DeadLetterStore.Arrival(
            record.topic() + ":" + record.partition() + ":" + record.offset(),
            header(record, DeadLetterHeaders.ORIGINAL_TOPIC),
            partition == null ? null : Integer.valueOf(partition),
            offset == null ? null : Long.valueOf(offset),
            orEmpty(header(record, DeadLetterHeaders.REASON)),
            orEmpty(header(record, DeadLetterHeaders.ERRORS)),
            record.key(),
            record.value(),
            at == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(at)));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  @Transactional
  public List<DeadLetterStore.Summary> list(Optional<String> status, int limit) {
    return store.list(status, limit);
  }

  @Transactional
  public List<UUID> waiting(DeadLetterStore.Selection selection, int limit) {
    return store.waiting(selection, limit);
  }

  /** The record as sent: it may hold personal data, so reading it is an audited consultation. */
  @Transactional
  public Map<String, Object> show(UUID id, Caller admin) {
    DeadLetterStore.Letter letter =
        store.find(id, false).orElseThrow(() -> Refused.notFound("No dead letter " + id + "."));
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
        store.find(id, true).orElseThrow(() -> Refused.notFound("No dead letter " + id + "."));
    String topic = letter.summary().originalTopic();
    if (!replayable.contains(topic)) {
      throw Refused.conflict(
          "Dead letter " + id + " did not come from a topic this service consumes.");
    }
    if ("REPLAYED".equals(letter.summary().status())) {
      throw Refused.conflict("Dead letter " + id + " was already replayed.");
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
