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

  /** What storing an event found: nothing before, the same id stored, or the id disposed of. */
  public record Earlier(Optional<String> storedBodySha256, boolean disposed) {
    static final Earlier NONE = new Earlier(Optional.empty(), false);

    public boolean none() {
      return storedBodySha256.isEmpty() && !disposed;
    }
  }

  /**
   * Stores the event unless its id is already stored or was disposed of after a retention review; a
   * disposed event must not come back when a partner or Kafka sends it again. Two concurrent
   * inserts of one id serialise on the primary key, so exactly one wins.
   */
  public Earlier storeIfNew(PartnerEvent event, String channel, Instant receivedAt) {
    int inserted =
        sql.update(
            "INSERT INTO intake_event (event_id, body_sha256, body, type, source, source_reference,"
                + " recorded_at, channel, received_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM disposed_event WHERE event_id = ?)"
                + " ON CONFLICT (event_id) DO NOTHING",
            event.eventId(),
            event.bodySha256(),
            new Sql.Json(event.canonicalBody()),
            event.type(),
            event.source(),
            event.sourceReference(),
            event.recordedAt(),
            channel,
            receivedAt,
            event.eventId());
    if (inserted == 1) {
      return Earlier.NONE;
    }
    Optional<String> stored =
        sql.queryOne(
            "SELECT body_sha256 FROM intake_event WHERE event_id = ?",
            row -> row.getString(1),
            event.eventId());
    return new Earlier(stored, stored.isEmpty());
  }
}
