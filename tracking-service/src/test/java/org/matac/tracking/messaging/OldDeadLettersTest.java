package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.support.deadletter.DeadLetterSweep;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * Dead letters kept before intake cleaned values on the way in held partners' envelopes whole,
 * victims' contact details included. The sweep at start takes those out and leaves the rest.
 */
@MicronautTest(transactional = false)
class OldDeadLettersTest extends TrackingServiceTestBase {

  @Inject DeadLetterSweep sweep;

  private static final String CONTACT = "VICTIM-MARKER-CONTACT-" + UUID.randomUUID();

  private static String envelope(String victimRef, boolean withContact) {
    return "{\"type\":\"INCIDENT_REPORTED\",\"source\":\"HAMPSHIRE_POLICE\",\"payload\":{"
        + "\"victims\":[{\"victimRef\":\""
        + victimRef
        + "\",\"relationship\":\"EX_PARTNER\""
        + (withContact ? ",\"contact\":{\"phone\":\"" + CONTACT + "\"}" : "")
        + "}]}}";
  }

  /** A dead letter as one was kept before: straight into the table, value as received. */
  private UUID keptEarlier(String topic, String value) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection connection = connectAs("default");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO dead_letter (id, dead_letter_offset, original_topic, reason, errors,"
                    + " value, dead_lettered_at, status) VALUES (?, ?, ?, 'SCHEMA_INVALID',"
                    + " '[]', ?, ?, 'NEW')")) {
      insert.setObject(1, id);
      insert.setString(2, "earlier-" + id);
      insert.setString(3, topic);
      insert.setBytes(4, value.getBytes(StandardCharsets.UTF_8));
      insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-11-01T09:00:00Z")));
      insert.executeUpdate();
    }
    return id;
  }

  private String valueOf(UUID id) throws Exception {
    try (Connection connection = connectAs("default");
        PreparedStatement select =
            connection.prepareStatement("SELECT value FROM dead_letter WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return new String(row.getBytes(1), StandardCharsets.UTF_8);
      }
    }
  }

  @Nested
  class APartnersEnvelopeKeptWithAContact {

    @Test
    void keeps_the_envelope_and_its_victim_without_the_contact() throws Exception {
      UUID id = keptEarlier(Topics.PARTNER_INTAKE, envelope("V-OLD-1", true));

      sweep.sweep();

      assertThat(valueOf(id)).doesNotContain(CONTACT).contains("V-OLD-1", "EX_PARTNER");
    }
  }

  @Nested
  class AValueWithNothingToTakeOut {

    @Test
    void is_left_byte_for_byte_as_it_was() throws Exception {
      String clean = envelope("V-OLD-2", false);
      String unreadable = "not json at all, " + CONTACT;
      UUID cleanId = keptEarlier(Topics.POLICE_INTAKE, clean);
      UUID unreadableId = keptEarlier(Topics.PARTNER_INTAKE, unreadable);
      UUID internalId = keptEarlier(Topics.PROFILE_CHANGED, envelope("V-OLD-3", true));

      sweep.sweep();

      assertThat(valueOf(cleanId)).isEqualTo(clean);
      assertThat(valueOf(unreadableId)).isEqualTo(unreadable);
      assertThat(valueOf(internalId)).isEqualTo(envelope("V-OLD-3", true));
    }
  }
}
