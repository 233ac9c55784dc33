package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.support.retention.PersonalDataEraser;
import org.matac.support.sql.Sql;

/**
 * Everything scoring holds about a disposed person: the facts it was sent, scores and their
 * history, and the person's place on tasking cycles, MATAC membership, action plans and Foundation
 * lists, and the programme decisions on their referrals. A published list loses the disposed
 * person's line; the rest of it stands as published.
 */
@Singleton
public class ScoringPersonalData implements PersonalDataEraser {

  private static final List<String> TABLES =
      List.of(
          "perpetrator_facts",
          "score",
          "score_history",
          "matac_action",
          "matac_membership",
          "tasking_entry",
          "foundation_publication_entry",
          "referral_decision");

  private final Sql sql;

  public ScoringPersonalData(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void erase(List<UUID> perpetratorIds, Instant erasedAt) {
    UUID[] ids = perpetratorIds.toArray(UUID[]::new);
    for (String table : TABLES) {
      sql.update("DELETE FROM " + table + " WHERE perpetrator_id = ANY(?)", (Object) ids);
    }
  }
}
