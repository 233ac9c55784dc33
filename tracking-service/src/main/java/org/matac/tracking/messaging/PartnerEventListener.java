package org.matac.tracking.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.FieldError;
import org.matac.events.Topics;
import org.matac.support.kafka.AtLeastOnceBatchListener;
import org.matac.support.kafka.BatchHandling;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.security.Caller;
import org.matac.tracking.application.intake.EnvelopeParser;
import org.matac.tracking.application.intake.IntakeRules;
import org.matac.tracking.application.intake.RecordingPartnerEvents;
import org.matac.tracking.application.intake.WhoMaySayWhat;
import org.matac.tracking.domain.PartnerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner events from the two inbound topics, a poll's records at a time. Each record is either
 * recorded or dead-lettered with its reason; only then are the offsets committed. The valid records
 * of a poll are recorded in one transaction, so a backfill pays one commit per batch; when that
 * transaction fails, each record is recorded on its own, retried, and dead-lettered only if it
 * still fails, so one bad record never holds back or loses the others.
 */
@AtLeastOnceBatchListener(
    groupId = "tracking-intake",
    threads = "${matac.intake.consumer-threads:1}")
public class PartnerEventListener extends DeadLetteringListener {

  private static final Logger LOG = LoggerFactory.getLogger(PartnerEventListener.class);

  private final EnvelopeParser parser;
  private final IntakeRules rules;
  private final RecordingPartnerEvents recording;
  private final WhoMaySayWhat authority;
  private final DeadLetters deadLetters;
  private final BatchHandling batches;

  public PartnerEventListener(
      EnvelopeParser parser,
      IntakeRules rules,
      RecordingPartnerEvents recording,
      WhoMaySayWhat authority,
      DeadLetters deadLetters,
      BatchHandling batches) {
    super(deadLetters, Topics.INTAKE_DEAD_LETTER);
    this.batches = batches;
    this.parser = parser;
    this.rules = rules;
    this.recording = recording;
    this.authority = authority;
    this.deadLetters = deadLetters;
  }

  /** A valid record of the poll, ready to be recorded. */
  private record Accepted(
      ConsumerRecord<String, byte[]> record, PartnerEvent event, Caller sender) {}

  @Topic({Topics.POLICE_INTAKE, Topics.PARTNER_INTAKE})
  public void onPartnerEvents(List<ConsumerRecord<String, byte[]>> records) {
    List<Accepted> valid = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      validated(record)
          .ifPresent(
              event ->
                  valid.add(
                      new Accepted(
                          record,
                          event,
                          Caller.system("kafka:" + record.topic(), event.source()))));
    }
    if (valid.isEmpty()) {
      return;
    }
    List<Optional<RecordingPartnerEvents.Outcome>> outcomes;
    try {
      outcomes =
          recording
              .recordAll(
                  valid.stream().map(Accepted::event).toList(),
                  RecordingPartnerEvents.Channel.KAFKA,
                  valid.stream().map(Accepted::sender).toList())
              .stream()
              .map(Optional::of)
              .toList();
    } catch (RuntimeException batchFailed) {
      BatchHandling.throwIfOutage(batchFailed);
      LOG.warn(
          "A batch of {} intake records failed together ({}); recording them one at a time",
          valid.size(),
          batchFailed.getClass().getSimpleName());
      outcomes = new ArrayList<>();
      for (Accepted accepted : valid) {
        outcomes.add(
            batches.alone(
                accepted.record(),
                () ->
                    recording.record(
                        accepted.event(), RecordingPartnerEvents.Channel.KAFKA, accepted.sender()),
                Topics.INTAKE_DEAD_LETTER));
      }
    }
    for (int i = 0; i < valid.size(); i++) {
      if (outcomes.get(i).equals(Optional.of(RecordingPartnerEvents.Outcome.CONFLICT))) {
        deadLetter(
            valid.get(i).record(),
            "EVENT_ID_REUSED",
            List.of(
                new FieldError(
                    "eventId", "was already used for a different body; the first one stands")));
      }
    }
  }

  /** The record's event when it can be accepted; otherwise it is dead-lettered with why. */
  private Optional<PartnerEvent> validated(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      deadLetter(record, "EMPTY_VALUE", List.of(new FieldError("$", "the record has no value")));
      return Optional.empty();
    }
    EnvelopeParser.Parsed parsed = parser.parse(record.value());
    if (parsed.event().isEmpty()) {
      deadLetter(record, "INVALID_ENVELOPE", parsed.errors());
      return Optional.empty();
    }
    PartnerEvent event = parsed.event().get();
    if (!mayPublishOn(record.topic(), event.source())) {
      deadLetter(
          record,
          "SOURCE_NOT_ALLOWED_ON_TOPIC",
          List.of(
              new FieldError(
                  "source",
                  "agency "
                      + event.source()
                      + " may not publish on "
                      + record.topic()
                      + (Topics.POLICE_INTAKE.equals(record.topic())
                          ? ": only police forces may"
                          : ": police forces publish on " + Topics.POLICE_INTAKE))));
      return Optional.empty();
    }
    Optional<FieldError> refusal = authority.refusal(event);
    if (refusal.isPresent()) {
      deadLetter(record, "NOT_THE_SENDERS_TO_SAY", List.of(refusal.get()));
      return Optional.empty();
    }
    return Optional.of(event);
  }

  private boolean mayPublishOn(String topic, String source) {
    boolean police = rules.isPoliceAgency(source);
    return Topics.POLICE_INTAKE.equals(topic) == police;
  }

  private void deadLetter(ConsumerRecord<?, ?> record, String reason, List<FieldError> errors) {
    deadLetters.send(
        Topics.INTAKE_DEAD_LETTER,
        record,
        reason,
        errors.stream().map(error -> error.field() + ": " + error.message()).toList());
  }
}
