package org.matac.scoring.application.cohorts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.scores.ParsedFactsCache;
import org.matac.scoring.domain.MatacAction;
import org.matac.scoring.domain.MembershipSpell;
import org.matac.scoring.domain.PartnershipMeasures;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.domain.TaskingMeasures;
import org.matac.scoring.persistence.ActionPlanStore;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AreaReports;
import org.matac.support.security.Caller;

/**
 * An area's offending and MATAC measures for the twelve whole months before {@code asOf}, offending
 * from the facts as known then: counts about groups, each with its definition, and small counts
 * suppressed. MATAC's are read as they stand now (an action's status is its current one).
 */
@Singleton
public class AreaMeasures {

  private final ParsedFactsCache parsedFacts;
  private final PolicyCatalogue policies;
  private final TaskingStore cycles;
  private final ActionPlanStore actions;
  private final AreaReports reports;

  public AreaMeasures(
      ParsedFactsCache parsedFacts,
      PolicyCatalogue policies,
      TaskingStore cycles,
      ActionPlanStore actions,
      AreaReports reports) {
    this.parsedFacts = parsedFacts;
    this.policies = policies;
    this.cycles = cycles;
    this.actions = actions;
    this.reports = reports;
  }

  public record Report(
      String area,
      Instant asOf,
      String policyId,
      int suppressedUnder,
      List<YearMonth> months,
      List<PartnershipMeasures.Row> rows,
      List<TaskingMeasures.Share> breakdowns) {}

  @Transactional
  public Report of(String area, Instant asOf, Caller reader) {
    reports.consult(reader, area, "partnership measures as of " + asOf);
    ScoringPolicy policy = policies.active();
    PartnershipMeasures.Table table =
        PartnershipMeasures.of(
            parsedFacts.inArea(area).stream().map(ParsedFactsCache.Parsed::facts).toList(),
            area,
            asOf,
            policy);
    List<MembershipSpell> spells = cycles.spellsIn(area);
    List<MatacAction> agreed = actions.inArea(area);
    List<PartnershipMeasures.Row> rows = new ArrayList<>(table.rows());
    rows.addAll(TaskingMeasures.rows(table.months(), spells, agreed));
    return new Report(
        area,
        asOf,
        policy.id(),
        PartnershipMeasures.SUPPRESSED_UNDER,
        table.months(),
        rows,
        TaskingMeasures.breakdowns(table.months(), spells, agreed));
  }
}
