package org.matac.support.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one service holds about perpetrators, as its own tables know it: each service has one, and
 * {@link Disposals} runs it when a retention review disposes of a person.
 */
public interface PersonalDataEraser {

  /** Hard-deletes everything held about {@code perpetratorIds}, in the caller's transaction. */
  void erase(List<UUID> perpetratorIds, Instant erasedAt);
}
