package org.matac.scoring.persistence;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.matac.scoring.domain.ReferralDecision;
import org.matac.support.sql.Sql;

/** Programme decisions on referrals, for evaluating each intervention. */
@Singleton
public class ReferralDecisionStore {

  private final Sql sql;

  public ReferralDecisionStore(Sql sql) {
    this.sql = sql;
  }

  /** Keeps a referral's latest decision: a later one (a reopened referral) replaces it. */
  public void record(ReferralDecision decision) {
    sql.update(
        "INSERT INTO referral_decision (referral_id, perpetrator_id, area, agency, status,"
            + " pathway, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO"
            + " UPDATE SET status = EXCLUDED.status, pathway = EXCLUDED.pathway,"
            + " decided_at = EXCLUDED.decided_at WHERE referral_decision.decided_at <"
            + " EXCLUDED.decided_at",
        decision.referralId(),
        decision.perpetratorId(),
        decision.area(),
        decision.agency(),
        decision.status(),
        decision.pathway(),
        decision.decidedAt());
  }

  public List<ReferralDecision> inArea(String area) {
    return sql.query(
        "SELECT * FROM referral_decision WHERE area = ?",
        row ->
            new ReferralDecision(
                row.getObject("referral_id", UUID.class),
                row.getObject("perpetrator_id", UUID.class),
                row.getString("area"),
                row.getString("agency"),
                row.getString("status"),
                row.getString("pathway"),
                Sql.instant(row, "decided_at")),
        area);
  }
}
