package org.matac.support.logging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The id that follows one partner event through the three services' logs: its own eventId, which
 * the partner knows too. Intake sets it while it records the event; the messages the event causes
 * name it as their {@code causedByEventId}, and each service sets it again while it handles them
 * and while it delivers the notices they lead to. Every log line written meanwhile carries it
 * ({@code correlationId} in the JSON logs' MDC, after the logger's name in text), so one search
 * finds each step the event took.
 */
public final class Correlation {

  public static final String KEY = "correlationId";

  /**
   * One line per step an event takes (recorded, announced, scored, notice made, notice sent): ids,
   * types and outcomes only, never personal data. An operator who does not want them during a
   * backfill sets {@code LOGGER_LEVELS_MATAC_JOURNEY=WARN}.
   */
  private static final Logger JOURNEY = LoggerFactory.getLogger("matac.journey");

  private Correlation() {}

  /**
   * Does {@code work} with {@code eventId} as the correlation id, then puts back the one before.
   */
  public static <T> T within(UUID eventId, Supplier<T> work) {
    if (eventId == null) {
      return work.get();
    }
    String before = MDC.get(KEY);
    MDC.put(KEY, eventId.toString());
    try {
      return work.get();
    } finally {
      if (before == null) {
        MDC.remove(KEY);
      } else {
        MDC.put(KEY, before);
      }
    }
  }

  public static void within(UUID eventId, Runnable work) {
    within(
        eventId,
        () -> {
          work.run();
          return null;
        });
  }

  /** The correlation id of the work this thread is doing, if it has one. */
  public static Optional<UUID> current() {
    return Optional.ofNullable(MDC.get(KEY)).map(UUID::fromString);
  }

  /** Logs one step of the current event's way through the system. */
  public static void step(String format, Object... arguments) {
    JOURNEY.info(format, arguments);
  }
}
