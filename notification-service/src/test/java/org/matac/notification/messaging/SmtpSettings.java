package org.matac.notification.messaging;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** E-mail switched on and pointed at a local SMTP port, as the e-mail tests configure it. */
final class SmtpSettings {

  private SmtpSettings() {}

  /** A port nothing listens on at the moment it is chosen. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> pointingAt(Map<String, String> base, int port) {
    Map<String, String> properties = new HashMap<>(base);
    properties.put("matac.email.enabled", "true");
    properties.put("matac.email.smtp.host", "127.0.0.1");
    properties.put("matac.email.smtp.port", Integer.toString(port));
    properties.put("matac.email.smtp.starttls", "false");
    properties.put("matac.delivery.poll-interval", "100ms");
    return properties;
  }
}
