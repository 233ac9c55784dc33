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
    try (Connection owner = connectAs("migrations");
        var insert =
            owner.prepareStatement(
                "INSERT INTO outbox_message (topic, message_key, payload)"
                    + " VALUES (?, ?, jsonb_build_object('marker', ?::text, 'filler', ?::text))")) {
      insert.setString(1, Topics.REFERRAL_STATUS_CHANGED);
      insert.setString(2, marker);
      insert.setString(3, marker);
      insert.setString(4, filler);
      insert.executeUpdate();
    }

    var read =
        topics.readUntil(
            Topics.REFERRAL_STATUS_CHANGED,
            record -> marker.equals(record.key()),
            Duration.ofSeconds(60));

    assertThat(read).last().satisfies(record -> assertThat(record.value()).contains(filler));
  }
}
