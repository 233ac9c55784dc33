package org.matac.scoring.domain;

import java.time.Instant;
import java.util.Comparator;
import org.matac.events.intake.VersionOrder;

/**
 * Where one version of a partner record stands among its versions, in the contract's order ({@link
 * VersionOrder}). A withdrawal is a version too: while it is the greatest one known, the record
 * does not count.
 */
public record VersionStamp(
    int recordVersion, Instant recordedAt, String eventId, boolean withdrawal)
    implements Comparable<VersionStamp> {

  private static final Comparator<VersionStamp> ORDER =
      VersionOrder.of(VersionStamp::recordVersion, VersionStamp::recordedAt, VersionStamp::eventId);

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
