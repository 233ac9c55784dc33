package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.PartnerEvent;

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
   * {@link #storeIfNew} for a poll's events with two statements: what storing each, in order,
   * found. An id sent twice within the poll is stored at its first place and found there at the
   * next.
   */
  public List<Earlier> storeAllIfNew(
      List<PartnerEvent> events, String channel, Instant receivedAt) {
    Set<UUID> inserted = new HashSet<>();
    sql.query(
        "INSERT INTO intake_event (event_id, body_sha256, body, type, source, source_reference,"
            + " recorded_at, channel, received_at)"
            + " SELECT e.event_id, e.sha, e.body::jsonb, e.type, e.source, e.ref,"
            + " e.recorded_at::timestamptz, ?, ?"
            + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) WITH ORDINALITY AS e(event_id, sha, body, type, source, ref,"
            + " recorded_at, n)"
            + " WHERE NOT EXISTS (SELECT 1 FROM disposed_event d WHERE d.event_id = e.event_id)"
            + " ORDER BY e.n ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
        row -> inserted.add(row.getObject(1, UUID.class)),
        channel,
        receivedAt,
        events.stream().map(PartnerEvent::eventId).toArray(UUID[]::new),
        events.stream().map(PartnerEvent::bodySha256).toArray(String[]::new),
        events.stream().map(PartnerEvent::storedBody).toArray(String[]::new),
        events.stream().map(event -> event.type().name()).toArray(String[]::new),
        events.stream().map(PartnerEvent::source).toArray(String[]::new),
        events.stream().map(PartnerEvent::sourceReference).toArray(String[]::new),
        events.stream().map(event -> event.recordedAt().toString()).toArray(String[]::new));
    Map<UUID, String> stored = new HashMap<>();
    UUID[] notInserted =
        events.stream()
            .map(PartnerEvent::eventId)
            .filter(id -> !inserted.contains(id))
            .distinct()
            .toArray(UUID[]::new);
    if (notInserted.length > 0) {
      sql.query(
          "SELECT event_id, body_sha256 FROM intake_event WHERE event_id = ANY(?)",
          row -> stored.put(row.getObject(1, UUID.class), row.getString(2)),
          (Object) notInserted);
    }
    List<Earlier> earlier = new ArrayList<>(events.size());
    Map<UUID, String> firstInThePoll = new HashMap<>();
    for (PartnerEvent event : events) {
      UUID id = event.eventId();
      if (inserted.contains(id)) {
        String first = firstInThePoll.putIfAbsent(id, event.bodySha256());
        earlier.add(first == null ? Earlier.NONE : new Earlier(Optional.of(first), false));
      } else {
        Optional<String> before = Optional.ofNullable(stored.get(id));
        earlier.add(new Earlier(before, before.isEmpty()));
      }
    }
    return earlier;
  }
}
