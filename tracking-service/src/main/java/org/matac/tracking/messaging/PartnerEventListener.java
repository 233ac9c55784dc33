package org.matac.tracking.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.support.security.Caller;
import org.matac.tracking.application.intake.EnvelopeParser;
import org.matac.tracking.application.intake.IntakeRules;
import org.matac.tracking.application.intake.PartnerEvent;
import org.matac.tracking.application.intake.RecordingPartnerEvents;
import org.matac.tracking.domain.FieldError;

/**
 * Partner events from the two inbound topics. A record is either recorded, in one transaction, or
 * dead-lettered with its reason; only then is its offset committed. micronaut-kafka's defaults
 * would lose records (a new group starting at LATEST, a failed record skipped, offsets committed on
 * a timer), so every one of them is set here explicitly.
 */
@AtLeastOnceListener(groupId = "tracking-intake")
public class PartnerEventListener extends DeadLetteringListener {

  private final EnvelopeParser parser;
  private final IntakeRules rules;
  private final RecordingPartnerEvents recording;
  private final DeadLetters deadLetters;

  public PartnerEventListener(
      EnvelopeParser parser,
      IntakeRules rules,
      RecordingPartnerEvents recording,
      DeadLetters deadLetters) {
    super(deadLetters, Topics.INTAKE_DEAD_LETTER);
    this.parser = parser;
    this.rules = rules;
    this.recording = recording;
    this.deadLetters = deadLetters;
  }

  @Topic({Topics.POLICE_INTAKE, Topics.PARTNER_INTAKE})
  public void onPartnerEvent(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      deadLetter(record, "EMPTY_VALUE", List.of(new FieldError("$", "the record has no value")));
      return;
    }
    EnvelopeParser.Parsed parsed = parser.parse(record.value());
    if (parsed.event().isEmpty()) {
      deadLetter(record, "INVALID_ENVELOPE", parsed.errors());
      return;
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
      return;
    }
    if (recording.record(
            event,
            RecordingPartnerEvents.Channel.KAFKA,
            Caller.system("kafka:" + record.topic(), event.source()))
        == RecordingPartnerEvents.Outcome.CONFLICT) {
      deadLetter(
          record,
          "EVENT_ID_REUSED",
          List.of(
              new FieldError(
                  "eventId", "was already used for a different body; the first one stands")));
    }
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
