package org.matac.support.deadletter;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.matac.support.security.Caller;

/**
 * Replays every waiting letter a selection names, once its cause is fixed: an outage's or a bad
 * release's letters are many, and replaying them one by one is how letters get forgotten. Each is
 * replayed in a transaction of its own and audited as a single replay is, so a failure part-way
 * leaves the ones done marked and the rest waiting.
 */
@Singleton
public class DeadLetterReplays {

  /** The most letters one request replays; a larger backlog is replayed in several. */
  public static final int MOST_AT_ONCE = 1_000;

  private final DeadLetterDesk desk;

  public DeadLetterReplays(DeadLetterDesk desk) {
    this.desk = desk;
  }

  public List<UUID> replayAll(DeadLetterStore.Selection selection, Caller admin) {
    List<UUID> replayed = new ArrayList<>();
    for (UUID id : desk.waiting(selection, MOST_AT_ONCE)) {
      desk.replay(id, admin);
      replayed.add(id);
    }
    return replayed;
  }
}
