package org.matac.events.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The partner contract's order of one record's versions: by {@code recordVersion} (an absent one
 * counts as 0), then {@code recordedAt}, then the {@code eventId} as lower-case UUID text, byte by
 * byte. The greatest is the current version, whatever order versions arrive in. Every service that
 * keeps versions orders them by this one rule, so they never disagree on which is current.
 */
public final class VersionOrder {

  private VersionOrder() {}

  /** The order of whatever carries a version's three parts. */
  public static <T> Comparator<T> of(
      ToIntFunction<T> recordVersion,
      Function<T, Instant> recordedAt,
      Function<T, String> eventId) {
    return Comparator.comparingInt(recordVersion)
        .thenComparing(recordedAt)
        .thenComparing(version -> bytesOf(eventId.apply(version)), Arrays::compareUnsigned);
  }

  private static byte[] bytesOf(String eventId) {
    return eventId.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
  }
}
