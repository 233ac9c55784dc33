package org.matac.notification.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a partnership's history ends. A partnership that joins loads years of a force's records;
 * what happened before it began working here is recorded, scored and linked like anything else, but
 * nobody is told of it as if it were news. Facts from after the cut-off are news however late they
 * arrive: an incident reported a month after it happened still matters to the victim's worker.
 */
public record History(Optional<Instant> endsAt) {

  /** No cut-off: every fact is news (a partnership without loaded history, and the tests). */
  public static History none() {
    return new History(Optional.empty());
  }

  public static History endingAt(Instant cutOff) {
    return new History(Optional.of(cutOff));
  }

  /** Whether a fact that happened at {@code occurredAt} is history, not news. */
  public boolean holds(Instant occurredAt) {
    return endsAt.isPresent() && occurredAt.isBefore(endsAt.get());
  }
}
