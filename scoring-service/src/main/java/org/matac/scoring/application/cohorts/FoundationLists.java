package org.matac.scoring.application.cohorts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.matac.events.Topics;
import org.matac.events.scoring.FoundationListPublished;
import org.matac.scoring.application.policies.PolicyCatalogue;
import org.matac.scoring.application.rankings.Rankings;
import org.matac.scoring.domain.FoundationCohort;
import org.matac.scoring.domain.Ranked;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.TaskingStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * Project Foundation's list: the people of an area the policy's Foundation rules take, in ranking
 * order, and its publication, which becomes referrals to the programme's agency.
 */
@Singleton
public class FoundationLists {

  private final Rankings rankings;
  private final PolicyCatalogue policies;
  private final TaskingStore tasking;
  private final AuditTrail audit;
  private final OutboxWriter outbox;
  private final Clock clock;

  public FoundationLists(
      Rankings rankings,
      PolicyCatalogue policies,
      TaskingStore tasking,
      AuditTrail audit,
      OutboxWriter outbox,
      Clock clock) {
    this.rankings = rankings;
    this.policies = policies;
    this.tasking = tasking;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * The Foundation list for an area at {@code asOf}, in ranking order; each person listed is an
   * audited consultation.
   */
  @Transactional
  public List<Ranked> foundation(String area, Instant asOf, Caller reader) {
    ScoringPolicy policy = policies.active();
    List<Ranked> listed =
        rankings.candidates(area, asOf).stream()
            .filter(
                candidate ->
                    FoundationCohort.qualifies(
                        candidate.facts(), candidate.ranked().score(), policy, area, asOf))
            .map(Rankings.Candidate::ranked)
            .toList();
    return rankings.consulted(reader, listed, "Foundation list of " + area + " as of " + asOf);
  }

  /**
   * Publishes the Foundation list for an area and instant: stored exactly as published, then one
   * message per person for tracking-service to open a referral for the programme agency.
   */
  @Transactional
  public List<Ranked> publishFoundation(String area, Instant asOf, Caller publisher) {
    UUID publication = UUID.randomUUID();
    ScoringPolicy policy = policies.active();
    Instant now = clock.instant();
    if (!tasking.publishFoundation(
        publication, area, asOf, policy.id(), publisher.subject(), now)) {
      throw Refused.conflict(
          "The Foundation list for " + area + " as of " + asOf + " was already published.");
    }
    List<Ranked> listed = foundation(area, asOf, publisher);
    for (int i = 0; i < listed.size(); i++) {
      Ranked person = listed.get(i);
      tasking.addFoundationEntry(
          publication, i + 1, person.perpetratorId(), person.score().total());
      // The list becomes referrals to the programme's agency: a disclosure of each name on it.
      audit.record(
          AuditEntry.allowed(
                  publisher,
                  AuditEntry.Action.DISCLOSURE,
                  "PERPETRATOR",
                  person.perpetratorId().toString(),
                  "published on the Foundation list " + publication)
              .disclosedTo("Foundation programme, " + area));
      outbox.append(
          Topics.FOUNDATION_LIST_PUBLISHED,
          person.perpetratorId().toString(),
          new FoundationListPublished(
              UUID.randomUUID(),
              publication,
              area,
              asOf,
              now,
              publisher.subject(),
              policy.id(),
              person.perpetratorId().toString(),
              i + 1,
              listed.size()));
    }
    return listed;
  }
}
