package org.matac.tracking.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.matac.events.intake.VersionOrder;

/**
 * Where one version of a partner record stands among its versions, in the contract's order ({@link
 * VersionOrder}). The greatest is the current version, whatever order versions arrive in.
 */
public record RecordVersion(int recordVersion, Instant recordedAt, UUID eventId)
    implements Comparable<RecordVersion> {

  private static final Comparator<RecordVersion> ORDER =
      VersionOrder.of(
          RecordVersion::recordVersion,
          RecordVersion::recordedAt,
          version -> version.eventId().toString());

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
}
