package org.matac.notification.application;

/** Sends one e-mail; throws when the mail server did not take it. */
public interface EmailGateway {

  void send(String recipient, String subject, String text, String messageId) throws Exception;
}
