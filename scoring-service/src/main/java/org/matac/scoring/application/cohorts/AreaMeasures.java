package org.matac.scoring.application.cohorts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.scores.ParsedFactsCache;
import org.matac.scoring.domain.PartnershipMeasures;
import org.matac.scoring.domain.ScoringPolicy;

/**
 * An area's offending measures for the twelve whole months before {@code asOf}, from the facts as
 * known then: counts about groups, each with its definition, and small counts suppressed.
 */
@Singleton
public class AreaMeasures {

  private final ParsedFactsCache parsedFacts;
  private final PolicyCatalogue policies;

  public AreaMeasures(ParsedFactsCache parsedFacts, PolicyCatalogue policies) {
    this.parsedFacts = parsedFacts;
    this.policies = policies;
  }

  public record Report(
      String area,
      Instant asOf,
      String policyId,
      int suppressedUnder,
      List<YearMonth> months,
      List<PartnershipMeasures.Row> rows) {}

  @Transactional
  public Report of(String area, Instant asOf) {
    ScoringPolicy policy = policies.active();
    PartnershipMeasures.Table table =
        PartnershipMeasures.of(
            parsedFacts.inArea(area).stream().map(ParsedFactsCache.Parsed::facts).toList(),
            area,
            asOf,
            policy);
    return new Report(
        area,
        asOf,
        policy.id(),
        PartnershipMeasures.SUPPRESSED_UNDER,
        table.months(),
        table.rows());
  }
}
