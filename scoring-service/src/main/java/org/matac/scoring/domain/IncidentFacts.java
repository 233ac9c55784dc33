package org.matac.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One incident as scoring sees it: the current version of a partner's record, after incidents of
 * the same person sharing {@code (source, incidentRef)} have been combined. {@code sourceReference}
 * names the record (one per suspect of a multi-suspect incident).
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
    boolean againstAPartner) {

  /** A victim as the policy counts them: distinct per recording agency and reference. */
  public record VictimKey(String source, String victimRef) {}
}
