package org.matac.importer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The eventId of an imported record version, derived from what names it in the partner's system
 * (agency, type, sourceReference, recordVersion), so that importing the same file again sends the
 * same ids and intake answers DUPLICATE instead of adding anything. A name-based UUID (RFC 9562,
 * version 5) in this project's own namespace.
 */
final class EventIds {

  private static final UUID NAMESPACE = UUID.fromString("2f0c9a4e-7a55-4b8e-9d0e-6c1c3b5d8a10");

  private EventIds() {}

  static UUID of(String agency, String type, String sourceReference, long recordVersion) {
    return nameBased(
        NAMESPACE, String.join("\n", agency, type, sourceReference, Long.toString(recordVersion)));
  }

  static UUID nameBased(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(bytes(namespace));
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(buffer.getLong(), buffer.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-1", e);
    }
  }

  private static byte[] bytes(UUID uuid) {
    return ByteBuffer.allocate(16)
        .putLong(uuid.getMostSignificantBits())
        .putLong(uuid.getLeastSignificantBits())
        .array();
  }
}
