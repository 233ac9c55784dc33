package org.matac.console.backends;

/** The services the console reads and writes through, by the name their HTTP client is given. */
public enum Service {
  TRACKING("tracking"),
  SCORING("scoring"),
  NOTIFICATION("notification");

  final String clientId;

  Service(String clientId) {
    this.clientId = clientId;
  }
}
