package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.Referral;
import org.matac.tracking.domain.ReferralFilter;
import org.matac.tracking.domain.ReferralFunnel;

/** Referrals and their lifecycle; every change is conditional on the version the caller saw. */
@Singleton
public class ReferralStore {

  private final Sql sql;

  public ReferralStore(Sql sql) {
    this.sql = sql;
  }

  /** Opens a referral for a partner record once; answers its id when it was new. */
  public Optional<UUID> open(
      String source,
      String sourceReference,
      UUID perpetratorId,
      String agency,
      String area,
      String referralRef,
      String referringAgency,
      String reason,
      String pathwayRequested,
      boolean consentToShare,
      Instant now) {
    UUID id = UUID.randomUUID();
    int opened =
        sql.update(
            "INSERT INTO referral (id, source, source_reference, perpetrator_id, agency, area,"
                + " referral_ref, referring_agency, reason, pathway_requested, consent_to_share,"
                + " status, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', 1, ?, ?) ON CONFLICT DO NOTHING",
            id,
            source,
            sourceReference,
            perpetratorId,
            agency,
            area,
            referralRef,
            referringAgency,
            reason,
            pathwayRequested,
            consentToShare,
            now,
            now);
    return opened == 1 ? Optional.of(id) : Optional.empty();
  }

  public Optional<Referral> find(UUID id) {
    return sql.queryOne("SELECT * FROM referral WHERE id = ?", ReferralStore::referral, id);
  }

  public List<Referral> queue(String agency, ReferralFilter filter, int limit) {
    return sql.query(
        "SELECT * FROM referral WHERE agency = ? AND (?::text IS NULL OR status = ?)"
            + " AND (?::text IS NULL OR area = ?)"
            + " AND (?::text IS NULL OR coalesce(pathway, pathway_requested) = ?)"
            + " AND (?::text IS NULL OR referring_agency = ?)"
            + " AND (?::timestamptz IS NULL OR created_at < ?)"
            + " ORDER BY created_at, id LIMIT ?",
        ReferralStore::referral,
        agency,
        filter.status().orElse(null),
        filter.status().orElse(null),
        filter.area().orElse(null),
        filter.area().orElse(null),
        filter.pathway().orElse(null),
        filter.pathway().orElse(null),
        filter.referringAgency().orElse(null),
        filter.referringAgency().orElse(null),
        filter.receivedBefore().orElse(null),
        filter.receivedBefore().orElse(null),
        limit);
  }

  /** The referral a partner record opened, by the record's source and reference. */
  public Optional<Referral> opened(String source, String sourceReference) {
    return sql.queryOne(
        "SELECT * FROM referral WHERE source = ? AND source_reference = ?",
        ReferralStore::referral,
        source,
        sourceReference);
  }

  /** Claims a NEW referral; of two claims at once exactly one finds it still NEW. */
  public boolean claim(UUID id, String caseworker, Instant now) {
    return sql.update(
            "UPDATE referral SET status = 'CLAIMED', claimed_by = ?, version = version + 1,"
                + " updated_at = ?, claimed_at = ? WHERE id = ? AND status = 'NEW'",
            caseworker,
            now,
            now,
            id)
        == 1;
  }

  public boolean recordLawfulBasis(
      UUID id, long version, String basis, String reason, String by, Instant now) {
    return sql.update(
            "UPDATE referral SET lawful_basis = ?, lawful_basis_reason = ?, lawful_basis_by = ?,"
                + " version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
            basis,
            reason,
            by,
            now,
            id,
            version)
        == 1;
  }

  public boolean screen(
      UUID id, long version, String screeningJson, boolean priority, Instant now) {
    return sql.update(
            "UPDATE referral SET status = 'SCREENED', screening = ?, priority = ?,"
                + " version = version + 1, updated_at = ?, screened_at = ? WHERE id = ?"
                + " AND version = ?",
            new Sql.Json(screeningJson),
            priority,
            now,
            now,
            id,
            version)
        == 1;
  }

  public boolean decide(
      UUID id,
      long version,
      Referral.Status status,
      String pathway,
      String outcome,
      String reason,
      Instant now) {
    return sql.update(
            "UPDATE referral SET status = ?, pathway = ?, outcome = ?, decision_reason = ?,"
                + " version = version + 1, updated_at = ?, decided_at = ? WHERE id = ?"
                + " AND version = ?",
            status.name(),
            pathway,
            outcome,
            reason,
            now,
            now,
            id,
            version)
        == 1;
  }

  /** How far each referral to an area made since {@code from} got, and when. */
  public List<ReferralFunnel.Milestones> milestonesIn(String area, Instant from) {
    return sql.query(
        "SELECT referring_agency, pathway_requested, status, created_at, claimed_at, decided_at"
            + " FROM referral WHERE area = ? AND created_at >= ?",
        row ->
            new ReferralFunnel.Milestones(
                row.getString("referring_agency"),
                row.getString("pathway_requested"),
                Referral.Status.valueOf(row.getString("status")),
                Sql.instant(row, "created_at"),
                Optional.ofNullable(Sql.instant(row, "claimed_at")),
                Optional.ofNullable(Sql.instant(row, "decided_at"))),
        area,
        from);
  }

  /** The area of the person's latest incident, for a referral that names none. */
  public Optional<String> latestIncidentArea(UUID perpetratorId) {
    return sql.queryOne(
        "SELECT area FROM partner_record WHERE perpetrator_id = ? AND type = 'INCIDENT_REPORTED'"
            + " AND NOT withdrawn ORDER BY occurred_at DESC, source, source_reference LIMIT 1",
        row -> row.getString(1),
        perpetratorId);
  }

  private static Referral referral(ResultSet row) throws SQLException {
    return new Referral(
        row.getObject("id", UUID.class),
        row.getObject("perpetrator_id", UUID.class),
        row.getString("agency"),
        row.getString("area"),
        row.getString("referral_ref"),
        row.getString("referring_agency"),
        row.getString("reason"),
        row.getString("pathway_requested"),
        row.getBoolean("consent_to_share"),
        row.getString("lawful_basis"),
        row.getString("lawful_basis_reason"),
        row.getString("lawful_basis_by"),
        Referral.Status.valueOf(row.getString("status")),
        row.getString("claimed_by"),
        row.getString("screening"),
        (Boolean) row.getObject("priority"),
        row.getString("pathway"),
        row.getString("outcome"),
        row.getString("decision_reason"),
        row.getLong("version"),
        Sql.instant(row, "created_at"),
        Sql.instant(row, "updated_at"));
  }
}
