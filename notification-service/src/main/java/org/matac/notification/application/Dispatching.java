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
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.logging.Correlation;
import org.matac.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries on every channel beyond the inbox and records each outcome: SENT, a retry
 * with exponential backoff, or FAILED after the last try, visible to the worker. Locked rows let
 * several instances share the work. A notice sent out of the system is a disclosure of what it says
 * about the perpetrator, to its recipient: each is audited in the transaction that marks it sent.
 */
@Singleton
public class Dispatching {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatching.class);
  private static final Caller SERVICE = Caller.system("notification-service", null);

  private final NotificationStore notifications;
  private final List<ChannelSender> channels;
  private final Clock clock;
  private final int maximumAttempts;
  private final Duration firstRetry;
  private final AuditTrail audit;

  public Dispatching(
      NotificationStore notifications,
      List<ChannelSender> channels,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.delivery.max-attempts:5}") int maximumAttempts,
      @Value("${matac.delivery.first-retry:30s}") Duration firstRetry) {
    this.notifications = notifications;
    this.channels = channels;
    this.clock = clock;
    this.maximumAttempts = maximumAttempts;
    this.firstRetry = firstRetry;
    this.audit = audit;
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
      Correlation.within(delivery.correlationId().orElse(null), () -> send(channel, delivery, now));
    }
    return due.size();
  }

  private void send(ChannelSender channel, NotificationStore.DueDelivery delivery, Instant now) {
    int attempts = delivery.attempts() + 1;
    try {
      channel.send(delivery);
      notifications.markDelivery(
          delivery.notificationId(), channel.channel(), "SENT", attempts, null, null, now);
      audit.record(
          AuditEntry.allowed(
                  SERVICE,
                  AuditEntry.Action.DISCLOSURE,
                  "PERPETRATOR",
                  delivery.perpetratorId().toString(),
                  "notification "
                      + delivery.notificationId()
                      + " sent by "
                      + channel.channel()
                      + " for worker "
                      + delivery.workerId())
              .disclosedTo(channel.channel() + " " + delivery.recipient()));
      Correlation.step(
          "Notice {} sent by {} (attempt {})",
          delivery.notificationId(),
          channel.channel(),
          attempts);
    } catch (Exception e) {
      // The gap before the next attempt runs from this failure, not from the start of the batch:
      // a slow attempt (a first connection, a timeout) must not eat into it.
      Instant failedAt = clock.instant();
      Optional<Instant> retry =
          DeliveryRules.retryAt(attempts, maximumAttempts, firstRetry, failedAt);
      // The exception's type, and a refusal's status: its message can quote an address.
      String error =
          e instanceof WebhookChannel.NotAccepted ? e.getMessage() : e.getClass().getSimpleName();
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
}
