package org.matac.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a notice may go out on a channel other than the inbox: urgent ones at once, others outside
 * the worker's quiet hours; failed sends retried with exponential backoff until a last try.
 */
public final class DeliveryRules {

  /**
   * A worker's quiet hours in their own time zone; {@code from} after {@code until} spans midnight.
   */
  public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {}

  private DeliveryRules() {}

  /**
   * The instant a notice may be sent: {@code now} when urgent or outside quiet hours, otherwise the
   * end of the quiet hours.
   */
  public static Instant sendAt(boolean urgent, Optional<QuietHours> quiet, Instant now) {
    if (urgent || quiet.isEmpty() || quiet.get().from().equals(quiet.get().until())) {
      return now;
    }
    QuietHours hours = quiet.get();
    ZonedDateTime local = now.atZone(hours.zone());
    LocalTime time = local.toLocalTime();
    boolean spansMidnight = hours.from().isAfter(hours.until());
    boolean inside =
        spansMidnight
            ? !time.isBefore(hours.from()) || time.isBefore(hours.until())
            : !time.isBefore(hours.from()) && time.isBefore(hours.until());
    if (!inside) {
      return now;
    }
    LocalDate endDay =
        spansMidnight && !time.isBefore(hours.from())
            ? local.toLocalDate().plusDays(1)
            : local.toLocalDate();
    return ZonedDateTime.of(endDay, hours.until(), hours.zone()).toInstant();
  }

  /** When to try again after {@code attempts} failed tries: 30 s, 1 min, 2 min, ... */
  public static Optional<Instant> retryAt(int attempts, int maximumAttempts, Instant now) {
    return retryAt(attempts, maximumAttempts, Duration.ofSeconds(30), now);
  }

  /**
   * When to try again after {@code attempts} failed tries: {@code first}, then twice as long each
   * time (capped at 1,024 times {@code first}); empty after the last try.
   */
  public static Optional<Instant> retryAt(
      int attempts, int maximumAttempts, Duration first, Instant now) {
    if (attempts >= maximumAttempts) {
      return Optional.empty();
    }
    return Optional.of(now.plus(first.multipliedBy(1L << Math.min(attempts - 1, 10))));
  }
}
