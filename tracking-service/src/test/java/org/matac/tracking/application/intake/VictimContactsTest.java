package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;

class VictimContactsTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class AReceivedValue {

    @Test
    void loses_every_victims_contact_and_keeps_the_rest() {
      String envelope = Envelopes.incident().withVictimAddress("MARKER-ADDRESS").json();

      String kept = new String(VictimContacts.removedFrom(utf8(envelope)), StandardCharsets.UTF_8);

      assertThat(kept)
          .doesNotContain("MARKER-ADDRESS")
          .doesNotContain("\"contact\"")
          .contains("\"victimRef\"")
          .contains("\"relationship\"");
    }

    @Test
    void without_a_contact_is_kept_byte_for_byte() {
      byte[] envelope = utf8(Envelopes.workerAssignment().json());

      assertThat(VictimContacts.removedFrom(envelope)).isSameAs(envelope);
    }

    @Test
    void that_is_not_json_is_kept_as_it_came() {
      byte[] garbage = utf8("{not json");

      assertThat(VictimContacts.removedFrom(garbage)).isSameAs(garbage);
    }
  }
}
