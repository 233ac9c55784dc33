package org.matac.tracking.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * Where one version of a partner record stands among its versions: by {@code recordVersion} (an
 * absent one counts as 0), then {@code recordedAt}, then the event id as lower-case canonical UUID
 * text, byte by byte. The greatest is the current version, whatever order versions arrive in.
 */
public record RecordVersion(int recordVersion, Instant recordedAt, UUID eventId)
    implements Comparable<RecordVersion> {

  private static final Comparator<RecordVersion> ORDER =
      Comparator.comparingInt(RecordVersion::recordVersion)
          .thenComparing(RecordVersion::recordedAt)
          .thenComparing(version -> eventIdBytes(version.eventId()), RecordVersion::compareBytes);

  public static RecordVersion of(Integer recordVersion, Instant recordedAt, UUID eventId) {
    return new RecordVersion(recordVersion == null ? 0 : recordVersion, recordedAt, eventId);
  }

  /** True when this version should replace {@code current} as the record's current version. */
  public boolean supersedes(RecordVersion current) {
    return compareTo(current) > 0;
  }

  @Override
  public int compareTo(RecordVersion other) {
    return ORDER.compare(this, other);
  }

  private static byte[] eventIdBytes(UUID eventId) {
    return eventId.toString().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
  }

  private static int compareBytes(byte[] left, byte[] right) {
    return Arrays.compareUnsigned(left, right);
  }
}
