package org.matac.notification.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.matac.notification.domain.DeliveryRules;
import org.matac.notification.persistence.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due e-mail deliveries and records each outcome: SENT, a retry with backoff, or FAILED after
 * the last try, visible to the worker. Locked rows let several instances share the work.
 */
@Singleton
@Requires(property = "matac.email.enabled", value = "true")
public class Dispatching {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatching.class);

  private final NotificationStore notifications;
  private final EmailGateway email;
  private final Clock clock;
  private final int maximumAttempts;

  public Dispatching(
      NotificationStore notifications,
      EmailGateway email,
      Clock clock,
      @Value("${matac.email.max-attempts:5}") int maximumAttempts) {
    this.notifications = notifications;
    this.email = email;
    this.clock = clock;
    this.maximumAttempts = maximumAttempts;
  }

  @Scheduled(fixedDelay = "${matac.email.poll-interval:1s}", initialDelay = "2s")
  void sendDue() {
    while (sendBatch() > 0) {
      // Keep going while deliveries are due.
    }
  }

  @Transactional
  public int sendBatch() {
    Instant now = clock.instant();
    List<NotificationStore.DueDelivery> due = notifications.lockDue("EMAIL", now, 20);
    for (NotificationStore.DueDelivery delivery : due) {
      int attempts = delivery.attempts() + 1;
      try {
        email.send(
            delivery.recipient(),
            delivery.title(),
            delivery.body() + "\n\nAct on it: " + delivery.link() + "\n",
            delivery.notificationId().toString());
        notifications.markDelivery(
            delivery.notificationId(), "EMAIL", "SENT", attempts, null, null, now);
      } catch (Exception e) {
        Optional<Instant> retry = DeliveryRules.retryAt(attempts, maximumAttempts, now);
        // The exception's type only: its message can quote the address.
        String error = e.getClass().getSimpleName();
        LOG.warn(
            "E-mail for notification {} failed (attempt {}): {}",
            delivery.notificationId(),
            attempts,
            error);
        notifications.markDelivery(
            delivery.notificationId(),
            "EMAIL",
            retry.isPresent() ? "PENDING" : "FAILED",
            attempts,
            retry.orElse(null),
            error,
            now);
      }
    }
    return due.size();
  }
}
