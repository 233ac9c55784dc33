package org.matac.tracking.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.matac.events.DeadLetterHeaders;
import org.matac.events.Topics;
import org.matac.support.kafka.AtLeastOnceListener;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;
import org.matac.tracking.application.deadletter.DeadLetterDesk;
import org.matac.tracking.persistence.DeadLetterStore;

/** Keeps every intake dead letter where an admin can list and replay it. */
@AtLeastOnceListener(groupId = "tracking-dead-letters")
public class DeadLetterListener extends DeadLetteringListener {

  private final DeadLetterDesk desk;

  public DeadLetterListener(DeadLetterDesk desk, DeadLetters deadLetters) {
    super(deadLetters, Topics.TRACKING_DEAD_LETTER);
    this.desk = desk;
  }

  @Topic(Topics.INTAKE_DEAD_LETTER)
  public void onDeadLetter(ConsumerRecord<String, byte[]> record) {
    String partition = header(record, DeadLetterHeaders.ORIGINAL_PARTITION);
    String offset = header(record, DeadLetterHeaders.ORIGINAL_OFFSET);
    String at = header(record, DeadLetterHeaders.DEAD_LETTERED_AT);
    desk.keep(
        new DeadLetterStore.Arrival(
            record.partition() + ":" + record.offset(),
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
}
