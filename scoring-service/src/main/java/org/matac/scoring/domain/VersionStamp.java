package org.matac.scoring.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Where one version of a partner record stands among its versions, as the contract orders them: by
 * {@code recordVersion} (absent counts as 0), then {@code recordedAt}, then the event id as
 * lower-case UUID text, byte by byte. A withdrawal is a version too: while it is the greatest one
 * known, the record does not count.
 */
public record VersionStamp(
    int recordVersion, Instant recordedAt, String eventId, boolean withdrawal)
    implements Comparable<VersionStamp> {

  private static final Comparator<VersionStamp> ORDER =
      Comparator.comparingInt(VersionStamp::recordVersion)
          .thenComparing(VersionStamp::recordedAt)
          .thenComparing(
              stamp -> stamp.eventId().getBytes(StandardCharsets.US_ASCII),
              Arrays::compareUnsigned);

  /** The only version there is of a record known through its current version alone. */
  public static VersionStamp only(Instant recordedAt) {
    return new VersionStamp(0, recordedAt, "", false);
  }

  public boolean knownAt(Instant asOf) {
    return !recordedAt.isAfter(asOf);
  }

  @Override
  public int compareTo(VersionStamp other) {
    return ORDER.compare(this, other);
  }
}
