package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.matac.notification.domain.DeliveryRules;
import org.matac.notification.persistence.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries on every channel beyond the inbox and records each outcome: SENT, a retry
 * with exponential backoff, or FAILED after the last try, visible to the worker. Locked rows let
 * several instances share the work.
 */
@Singleton
public class Dispatching {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatching.class);

  private final NotificationStore notifications;
  private final List<ChannelSender> channels;
  private final Clock clock;
  private final int maximumAttempts;
  private final Duration firstRetry;

  public Dispatching(
      NotificationStore notifications,
      List<ChannelSender> channels,
      Clock clock,
      @Value("${matac.delivery.max-attempts:5}") int maximumAttempts,
      @Value("${matac.delivery.first-retry:30s}") Duration firstRetry) {
    this.notifications = notifications;
    this.channels = channels;
    this.clock = clock;
    this.maximumAttempts = maximumAttempts;
    this.firstRetry = firstRetry;
  }

  @Scheduled(fixedDelay = "${matac.delivery.poll-interval:1s}", initialDelay = "2s")
  void sendDue() {
    for (ChannelSender channel : channels) {
      while (sendBatch(channel) > 0) {
        // Keep going while deliveries are due.
      }
    }
  }

  @Transactional
  public int sendBatch(ChannelSender channel) {
    Instant now = clock.instant();
    List<NotificationStore.DueDelivery> due = notifications.lockDue(channel.channel(), now, 20);
    for (NotificationStore.DueDelivery delivery : due) {
      int attempts = delivery.attempts() + 1;
      try {
        channel.send(delivery);
        notifications.markDelivery(
            delivery.notificationId(), channel.channel(), "SENT", attempts, null, null, now);
      } catch (Exception e) {
        // The gap before the next attempt runs from this failure, not from the start of the batch:
        // a slow attempt (a first connection, a timeout) must not eat into it.
        Instant failedAt = clock.instant();
        Optional<Instant> retry =
            DeliveryRules.retryAt(attempts, maximumAttempts, firstRetry, failedAt);
        // The exception's type, and a refusal's status: its message can quote an address.
        String error =
            e instanceof WebhookChannel.Refused ? e.getMessage() : e.getClass().getSimpleName();
        LOG.warn(
            "{} for notification {} failed (attempt {}): {}",
            channel.channel(),
            delivery.notificationId(),
            attempts,
            error);
        notifications.markDelivery(
            delivery.notificationId(),
            channel.channel(),
            retry.isPresent() ? "PENDING" : "FAILED",
            attempts,
            retry.orElse(null),
            error,
            failedAt);
      }
    }
    return due.size();
  }
}
