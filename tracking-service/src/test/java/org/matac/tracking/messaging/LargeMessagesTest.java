package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * A profile message carries the person's facts, and a prolific offender's passes Kafka's default
 * limit of one megabyte: the fault suite found the outbox stopped behind such a message, with every
 * later message of the service waiting behind it.
 */
@MicronautTest(transactional = false)
class LargeMessagesTest extends TrackingServiceTestBase {

  @Test
  void the_outbox_publishes_a_message_of_several_megabytes() throws Exception {
    String marker = "large-" + UUID.randomUUID();
    String filler = "x".repeat(3 * 1024 * 1024);
    writeToTheOutbox(marker, filler);

    var read =
        topics.readUntil(
            Topics.REFERRAL_STATUS_CHANGED,
            record -> marker.equals(record.key()),
            Duration.ofSeconds(60));

    assertThat(read).last().satisfies(record -> assertThat(record.value()).contains(filler));
  }

  @Test
  void a_message_larger_than_any_topic_takes_is_held_back_and_the_next_one_goes_out()
      throws Exception {
    String tooLarge = "too-large-" + UUID.randomUUID();
    String next = "next-" + UUID.randomUUID();
    writeToTheOutbox(tooLarge, "x".repeat(9 * 1024 * 1024));
    writeToTheOutbox(next, "small");

    topics.readUntil(
        Topics.REFERRAL_STATUS_CHANGED,
        record -> next.equals(record.key()),
        Duration.ofSeconds(60));

    try (Connection owner = connectAs("migrations");
        var held =
            owner.prepareStatement(
                "SELECT held_back_because FROM outbox_message"
                    + " WHERE message_key = ? AND held_back_at IS NOT NULL")) {
      held.setString(1, tooLarge);
      try (var rows = held.executeQuery()) {
        assertThat(rows.next()).as("the refused message is still in the outbox").isTrue();
        assertThat(rows.getString(1)).isEqualTo("too large");
      }
    }
  }

  private void writeToTheOutbox(String key, String filler) throws Exception {
    try (Connection owner = connectAs("migrations");
        var insert =
            owner.prepareStatement(
                "INSERT INTO outbox_message (topic, message_key, payload)"
                    + " VALUES (?, ?, jsonb_build_object('marker', ?::text, 'filler', ?::text))")) {
      insert.setString(1, Topics.REFERRAL_STATUS_CHANGED);
      insert.setString(2, key);
      insert.setString(3, key);
      insert.setString(4, filler);
      insert.executeUpdate();
    }
  }
}
