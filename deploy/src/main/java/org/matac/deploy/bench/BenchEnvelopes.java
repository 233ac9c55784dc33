package org.matac.deploy.bench;

import java.time.Instant;
import java.util.UUID;

/** The envelopes the benchmarks and the fault suite send, with obviously synthetic people. */
public final class BenchEnvelopes {

  private BenchEnvelopes() {}

  /**
   * The IDVA service assigning its own worker to a police-recorded victim; {@code reference} names
   * the assignment record in the IDVA's system.
   */
  public static String assignment(String reference, String victim, String worker) {
    return """
        {"eventId":"%s","type":"SAFETY_WORKER_ASSIGNED","schemaVersion":1,"source":"SOUTHAMPTON_IDVA",
         "sourceReference":"%s","occurredAt":"2026-11-01T10:00:00Z","recordedAt":"2026-11-01T10:00:00Z",
         "perpetrator":{"sourcePersonId":"%s-IDVA-PERSON"},
         "payload":{"victimRef":"%s","victimSource":"HAMPSHIRE_POLICE","workerId":"%s","workerAgency":"SOUTHAMPTON_IDVA"}}
        """
        .formatted(UUID.randomUUID(), reference, reference, victim, worker);
  }

  /**
   * A police incident by the person the force knows as {@code person}, against {@code victim},
   * recorded now and having happened an hour ago.
   */
  public static String incident(String eventId, String person, String reference, String victim) {
    Instant now = Instant.now();
    return """
        {"eventId":"%s","type":"INCIDENT_REPORTED","schemaVersion":1,"source":"HAMPSHIRE_POLICE",
         "sourceReference":"%s","occurredAt":"%s","recordedAt":"%s","area":"SOUTHAMPTON",
         "perpetrator":{"sourcePersonId":"%s","givenName":"Bench","familyName":"Fakeperson"},
         "payload":{"incidentRef":"%s","crimed":true,"offences":[{"category":"COMMON_ASSAULT"}],
           "victims":[{"victimRef":"%s","relationship":"INTIMATE_PARTNER"}],"childrenPresent":false}}
        """
        .formatted(eventId, reference, now.minusSeconds(3600), now, person, reference, victim);
  }
}
