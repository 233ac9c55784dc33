package org.matac.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One version of a partner's incident record, and, once the versions known at an instant are
 * chosen, one incident as scoring sees it, after records of the same person sharing {@code (source,
 * incidentRef)} have been combined. {@code sourceReference} names the record (one per suspect of a
 * multi-suspect incident).
 */
public record IncidentFacts(
    String source,
    String incidentRef,
    String sourceReference,
    Instant occurredAt,
    Instant recordedAt,
    String area,
    List<String> offenceCategories,
    Set<VictimKey> victims,
    boolean childrenPresent,
    boolean againstAPartner,
    VersionStamp version) {

  /** A record known through its current version alone. */
  public IncidentFacts(
      String source,
      String incidentRef,
      String sourceReference,
      Instant occurredAt,
      Instant recordedAt,
      String area,
      List<String> offenceCategories,
      Set<VictimKey> victims,
      boolean childrenPresent,
      boolean againstAPartner) {
    this(
        source,
        incidentRef,
        sourceReference,
        occurredAt,
        recordedAt,
        area,
        offenceCategories,
        victims,
        childrenPresent,
        againstAPartner,
        VersionStamp.only(recordedAt));
  }

  /** A victim as the policy counts them: distinct per recording agency and reference. */
  public record VictimKey(String source, String victimRef) {}
}
