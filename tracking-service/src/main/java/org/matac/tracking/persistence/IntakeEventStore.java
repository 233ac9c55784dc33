package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.matac.support.sql.Sql;
import org.matac.tracking.application.intake.PartnerEvent;

/** Every accepted envelope, kept exactly as received: the system's own record of collection. */
@Singleton
public class IntakeEventStore {

  private final Sql sql;

  public IntakeEventStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Stores the event unless its id is already stored; answers the stored body's hash when it was.
   * Two concurrent inserts of one id serialise on the primary key, so exactly one wins.
   */
  public Optional<String> storeIfNew(PartnerEvent event, String channel, Instant receivedAt) {
    int inserted =
        sql.update(
            "INSERT INTO intake_event (event_id, body_sha256, body, type, source, source_reference,"
                + " recorded_at, channel, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING",
            event.eventId(),
            event.bodySha256(),
            new Sql.Json(event.canonicalBody()),
            event.type(),
            event.source(),
            event.sourceReference(),
            event.recordedAt(),
            channel,
            receivedAt);
    if (inserted == 1) {
      return Optional.empty();
    }
    return sql.queryOne(
        "SELECT body_sha256 FROM intake_event WHERE event_id = ?",
        row -> row.getString(1),
        event.eventId());
  }
}
