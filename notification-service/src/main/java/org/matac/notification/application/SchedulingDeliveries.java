package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.matac.notification.domain.DeliveryRules;
import org.matac.notification.domain.Notice;
import org.matac.notification.domain.WorkerPreferences;
import org.matac.notification.persistence.LinkStore;
import org.matac.notification.persistence.NotificationStore;
import org.matac.notification.persistence.WebhookStore;
import org.matac.notification.persistence.WorkerDirectoryStore;

/**
 * Queues a stored notice's other channels, after the worker's quiet hours unless it is urgent:
 * e-mail when they want it and their agency's directory has their address, their agency's case
 * system when they chose it and the agency has a webhook. An address a feed supplied is never used.
 */
@Singleton
public class SchedulingDeliveries {

  private final LinkStore links;
  private final WorkerDirectoryStore directory;
  private final WebhookStore webhooks;
  private final NotificationStore notifications;
  private final boolean emailEnabled;

  public SchedulingDeliveries(
      LinkStore links,
      WorkerDirectoryStore directory,
      WebhookStore webhooks,
      NotificationStore notifications,
      @Value("${matac.email.enabled:false}") boolean emailEnabled) {
    this.links = links;
    this.directory = directory;
    this.webhooks = webhooks;
    this.notifications = notifications;
    this.emailEnabled = emailEnabled;
  }

  void schedule(UUID notificationId, Notice notice, Instant now) {
    WorkerPreferences preferences = links.preferencesOf(notice.workerId());
    Optional<DeliveryRules.QuietHours> quiet =
        preferences.quietFrom() == null || preferences.quietUntil() == null
            ? Optional.empty()
            : Optional.of(
                new DeliveryRules.QuietHours(
                    preferences.quietFrom(),
                    preferences.quietUntil(),
                    ZoneId.of(preferences.timeZone())));
    Instant due = DeliveryRules.sendAt(notice.urgent(), quiet, now);
    if (emailEnabled && preferences.emailEnabled()) {
      directory
          .emailOf(notice.workerId())
          .ifPresent(
              address -> notifications.scheduleDelivery(notificationId, "EMAIL", address, due));
    }
    if (preferences.webhookEnabled()) {
      links
          .agencyOf(notice.workerId())
          .filter(agency -> webhooks.of(agency).isPresent())
          .ifPresent(
              agency -> notifications.scheduleDelivery(notificationId, "WEBHOOK", agency, due));
    }
  }
}
