package org.matac.notification.application;

import org.matac.notification.persistence.NotificationStore;

/** Sends one delivery on a channel beyond the inbox; throws when the other end did not take it. */
public interface ChannelSender {

  /** The channel's name as deliveries record it: EMAIL, WEBHOOK. */
  String channel();

  void send(NotificationStore.DueDelivery delivery) throws Exception;
}
