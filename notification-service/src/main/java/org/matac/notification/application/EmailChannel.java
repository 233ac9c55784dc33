package org.matac.notification.application;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.matac.notification.persistence.NotificationStore;

/** E-mail to the worker's address, when an SMTP server is configured. */
@Singleton
@Requires(property = "matac.email.enabled", value = "true")
public class EmailChannel implements ChannelSender {

  private final EmailGateway email;

  public EmailChannel(EmailGateway email) {
    this.email = email;
  }

  @Override
  public String channel() {
    return "EMAIL";
  }

  @Override
  public void send(NotificationStore.DueDelivery delivery) throws Exception {
    email.send(
        delivery.recipient(),
        delivery.title(),
        delivery.body() + "\n\nAct on it: " + delivery.link() + "\n",
        delivery.notificationId().toString());
  }
}
