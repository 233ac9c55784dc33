package org.matac.tracking.application.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Victims' contact details are kept only in victim_contact, for victim-safety roles: never in a
 * stored envelope, a record's payload or a dead letter. This takes them out of what is kept.
 */
public final class VictimContacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private VictimContacts() {}

  /** Removes each victim's {@code contact} from an envelope's payload, in place. */
  public static JsonNode removedFromPayload(JsonNode payload) {
    payload
        .path("victims")
        .forEach(
            victim -> {
              if (victim.isObject()) {
                ((ObjectNode) victim).remove("contact");
              }
            });
    return payload;
  }

  /** Removes each victim's {@code contact} from an envelope, in place. */
  static JsonNode removedFromEnvelope(JsonNode envelope) {
    removedFromPayload(envelope.path("payload"));
    return envelope;
  }

  /**
   * A received value as it may be kept: unchanged when it holds no contact, else the same JSON
   * without them. Text that is not a JSON object is kept as it came, since no contact can be found
   * in it; it is dead-lettered as unreadable, and the partner sends it again.
   */
  public static byte[] removedFrom(byte[] received) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(received);
    } catch (IOException unreadable) {
      return received;
    }
    if (envelope == null || !envelope.isObject() || !holdsAContact(envelope)) {
      return received;
    }
    try {
      return JSON.writeValueAsBytes(removedFromEnvelope(envelope));
    } catch (IOException e) {
      throw new IllegalStateException("A parsed tree could not be written back", e);
    }
  }

  private static boolean holdsAContact(JsonNode envelope) {
    for (JsonNode victim : envelope.path("payload").path("victims")) {
      if (victim.has("contact")) {
        return true;
      }
    }
    return false;
  }
}
