package org.matac.notification.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.matac.notification.domain.WebhookSignature;
import org.matac.notification.persistence.NotificationStore;
import org.matac.notification.persistence.WebhookStore;

/**
 * A notice posted to the worker's agency case system, signed with that agency's secret. The body
 * says what the inbox says, and no more: the perpetrator, what happened, when, where, urgency and
 * the link to act on it. The secret is read at each send, so a rotated secret applies at once.
 */
@Singleton
public class WebhookChannel implements ChannelSender {

  private final WebhookStore webhooks;
  private final WebhookGateway gateway;
  private final ObjectMapper json;
  private final Clock clock;

  public WebhookChannel(
      WebhookStore webhooks, WebhookGateway gateway, ObjectMapper json, Clock clock) {
    this.webhooks = webhooks;
    this.gateway = gateway;
    this.json = json;
    this.clock = clock;
  }

  /** Why a delivery failed, by type and HTTP status only: never the body or the address. */
  public static final class NotAccepted extends Exception {
    public NotAccepted(String reason) {
      super(reason);
    }
  }

  @Override
  public String channel() {
    return "WEBHOOK";
  }

  @Override
  public void send(NotificationStore.DueDelivery delivery) throws Exception {
    WebhookStore.Webhook webhook =
        webhooks
            .of(delivery.recipient())
            .orElseThrow(() -> new NotAccepted("no webhook configured for the agency"));
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("notificationId", delivery.notificationId());
    notice.put("workerId", delivery.workerId());
    notice.put("kind", delivery.kind());
    notice.put("urgent", delivery.urgent());
    notice.put("perpetratorId", delivery.perpetratorId());
    notice.put("title", delivery.title());
    notice.put("body", delivery.body());
    notice.put("happenedAt", delivery.happenedAt());
    notice.put("area", delivery.area());
    notice.put("link", delivery.link());
    String body = json.writeValueAsString(notice);
    long timestamp = clock.instant().getEpochSecond();
    int status =
        gateway.post(
            webhook.url(),
            Map.of(
                WebhookSignature.TIMESTAMP_HEADER,
                Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(webhook.secret(), timestamp, body),
                WebhookSignature.DELIVERY_HEADER,
                delivery.notificationId().toString()),
            body);
    if (status < 200 || status > 299) {
      throw new NotAccepted("HTTP " + status);
    }
  }
}
