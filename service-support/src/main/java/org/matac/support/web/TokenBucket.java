package org.matac.support.web;

import java.time.Duration;
import java.util.Optional;

/**
 * A client's allowance: {@code burst} requests at once, refilled at {@code perSecond}. Time is
 * passed in (nanoseconds from any fixed origin), so the arithmetic is tested without a clock.
 */
public final class TokenBucket {

  private final double perSecond;
  private final double burst;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double perSecond, int burst, long nowNanos) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("A bucket needs a positive rate and a burst of 1 or more");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one request's token; when none is left, answers how long until one is. */
  public synchronized Optional<Duration> take(long nowNanos) {
    double elapsedSeconds = Math.max(0, nowNanos - lastNanos) / 1e9;
    tokens = Math.min(burst, tokens + elapsedSeconds * perSecond);
    lastNanos = Math.max(lastNanos, nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return Optional.empty();
    }
    double secondsToOne = (1 - tokens) / perSecond;
    return Optional.of(Duration.ofNanos((long) Math.ceil(secondsToOne * 1e9)));
  }
}
