package org.matac.scoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One incident as scoring sees it: the current version of a partner's record, after incidents of
 * the same person sharing {@code (source, incidentRef)} have been combined.
 */
public record IncidentFacts(
    String source,
    String incidentRef,
    Instant occurredAt,
    Instant recordedAt,
    String area,
    List<String> offenceCategories,
    Set<VictimKey> victims,
    boolean childrenPresent) {

  /** A victim as the policy counts them: distinct per recording agency and reference. */
  public record VictimKey(String source, String victimRef) {}
}
