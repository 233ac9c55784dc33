package org.matac.tracking.application.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.Referral;
import org.matac.tracking.domain.ReferralFilter;
import org.matac.tracking.domain.Refusal;
import org.matac.tracking.domain.ScreeningTool;
import org.matac.tracking.persistence.ReferralStore;

/**
 * The referral queue of the receiving agency: perpetrator-programme caseworkers for the programme
 * pathways, the area's MATAC coordinators for the MATAC pathway. Every change is made against the
 * version the caller read, published on tracking.referral-status-changed.v1 and audited.
 */
@Singleton
public class ReferralQueue {

  private final ReferralStore referrals;
  private final ReferralPublications publications;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final ScreeningTool tool;

  public ReferralQueue(
      ReferralStore referrals,
      ReferralPublications publications,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock,
      ScreeningTools tools) {
    this.referrals = referrals;
    this.publications = publications;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.tool = tools.active();
  }

  @Transactional
  public List<Referral> queue(Caller caller, ReferralFilter filter, int limit) {
    String agency = agencyQueueOf(caller);
    filter.area().ifPresent(value -> requireArea(caller, value));
    List<Referral> visible =
        referrals.queue(agency, filter, limit).stream()
            .filter(referral -> referral.area() == null || caller.areas().contains(referral.area()))
            .toList();
    visible.forEach(
        referral ->
            audited(caller, AuditEntry.Action.CONSULTATION, referral, "referral queue read"));
    return visible;
  }

  /** One referral of the caller's queue, for its own page; the read is an audited consultation. */
  @Transactional
  public Referral referral(UUID id, Caller caller) {
    Referral referral = workable(id, caller);
    audited(caller, AuditEntry.Action.CONSULTATION, referral, "referral read");
    return referral;
  }

  @Transactional
  public Referral claim(UUID id, Caller caseworker) {
    Referral referral = workable(id, caseworker);
    referral.claim().ifPresent(ReferralQueue::refuse);
    if (!referrals.claim(id, caseworker.subject(), clock.instant())) {
      throw Refused.conflict(found(id).claimedBy() + " claimed this referral first.");
    }
    return changed(id, referral, caseworker, "claimed");
  }

  @Transactional
  public Referral recordLawfulBasis(
      UUID id, long version, String basis, String reason, Caller admin) {
    Referral referral = found(id);
    if (!referrals.recordLawfulBasis(
        id, version, basis, reason, admin.subject(), clock.instant())) {
      throw staleOrGone(id);
    }
    audited(admin, AuditEntry.Action.ALTERATION, referral, "lawful basis recorded: " + basis);
    return found(id);
  }

  @Transactional
  public Referral screen(
      UUID id,
      long version,
      Map<String, Referral.Rating> ratings,
      Boolean priority,
      String notes,
      Caller caseworker) {
    Referral referral = workable(id, caseworker);
    referral
        .screenBy(caseworker.subject(), tool.itemCodes(), ratings, priority)
        .ifPresent(ReferralQueue::refuse);
    Map<String, Object> screening = new LinkedHashMap<>();
    screening.put("tool", tool.id());
    screening.put("ratings", ratings);
    screening.put("priority", priority);
    screening.put("notes", notes);
    screening.put("screenedBy", caseworker.subject());
    if (!referrals.screen(id, version, write(screening), priority, clock.instant())) {
      throw staleOrGone(id);
    }
    return changed(id, referral, caseworker, "screened");
  }

  @Transactional
  public Referral decide(
      UUID id,
      long version,
      Referral.Decision decision,
      String pathway,
      String outcome,
      String reason,
      Caller caseworker) {
    Referral referral = workable(id, caseworker);
    referral
        .decideBy(caseworker.subject(), decision, pathway, outcome)
        .ifPresent(ReferralQueue::refuse);
    if (!referrals.decide(
        id,
        version,
        decision.statusAfter(),
        decision == Referral.Decision.ACCEPT ? pathway : null,
        outcome,
        reason,
        clock.instant())) {
      throw staleOrGone(id);
    }
    return changed(id, referral, caseworker, "decided " + decision);
  }

  public ScreeningTool tool() {
    return tool;
  }

  private Referral changed(UUID id, Referral before, Caller caller, String what) {
    Referral after = found(id);
    audited(caller, AuditEntry.Action.ALTERATION, after, "referral " + what);
    publications.publish(after, before.status(), caller.subject());
    return after;
  }

  private String agencyQueueOf(Caller caller) {
    if (caller.hasRole(Roles.MATAC_COORDINATOR)) {
      return Referral.MATAC_QUEUE;
    }
    return caller.agency();
  }

  /** The caller works this referral: their agency's queue, in one of their areas. */
  private Referral workable(UUID id, Caller caller) {
    Referral referral = found(id);
    referral.workableFrom(agencyQueueOf(caller), caller.areas()).ifPresent(ReferralQueue::refuse);
    return referral;
  }

  private static void requireArea(Caller caller, String area) {
    if (!caller.areas().contains(area)) {
      throw Refused.forbidden("You do not work area " + area + ".");
    }
  }

  private Referral found(UUID id) {
    return referrals.find(id).orElseThrow(() -> Refused.notFound("No referral " + id + "."));
  }

  private Refused staleOrGone(UUID id) {
    return referrals.find(id).isPresent()
        ? Refused.conflict(
            "Referral " + id + " changed since you read it: read it again, then retry.")
        : Refused.notFound("No referral " + id + ".");
  }

  /** A refusal as the caller hears it: problem+json through web, whoever called. */
  private static void refuse(Refusal refusal) {
    List<FieldError> fields = refusal.fields();
    throw switch (refusal.kind()) {
      case FORBIDDEN -> Refused.forbidden(refusal.message());
      case CONFLICT -> Refused.conflict(refusal.message(), fields);
      case INCOMPLETE -> Refused.invalid(refusal.message(), fields);
    };
  }

  private void audited(Caller caller, AuditEntry.Action action, Referral referral, String purpose) {
    audit.record(
        AuditEntry.allowed(
            caller,
            action,
            "PERPETRATOR",
            referral.perpetratorId().toString(),
            purpose + " " + referral.id()));
  }

  private String write(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
