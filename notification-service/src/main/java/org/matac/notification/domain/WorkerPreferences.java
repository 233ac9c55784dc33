package org.matac.notification.domain;

import java.time.LocalTime;

/**
 * A worker's channel choices: e-mail on, their agency's webhook off and no quiet hours until they
 * say otherwise.
 */
public record WorkerPreferences(
    boolean emailEnabled,
    boolean webhookEnabled,
    LocalTime quietFrom,
    LocalTime quietUntil,
    String timeZone) {

  public static final WorkerPreferences DEFAULT =
      new WorkerPreferences(true, false, null, null, "Europe/London");
}
