package org.matac.tracking.application.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.Topics;
import org.matac.events.access.Roles;
import org.matac.events.scoring.FoundationListPublished;
import org.matac.events.tracking.ReferralStatusChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.inbox.ProcessedMessages;
import org.matac.support.outbox.OutboxWriter;
import org.matac.support.problem.Problem;
import org.matac.support.problem.ProblemException;
import org.matac.support.retention.Disposals;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.Payload;
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
  private final ProcessedMessages processed;
  private final OutboxWriter outbox;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;
  private final String programmeAgency;
  private final ScreeningTool tool;
  private final Disposals disposals;

  public ReferralQueue(
      ReferralStore referrals,
      ProcessedMessages processed,
      OutboxWriter outbox,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock,
      @Value("${matac.referrals.programme-agency}") String programmeAgency,
      ScreeningTools tools,
      Disposals disposals) {
    this.disposals = disposals;
    this.referrals = referrals;
    this.processed = processed;
    this.outbox = outbox;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.programmeAgency = programmeAgency;
    this.tool = tools.active();
  }

  /** Opens the referral a PARTNER_REFERRAL record asks for, once per record. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(
      String source,
      String sourceReference,
      UUID perpetratorId,
      Optional<String> area,
      Payload payload,
      Instant now) {
    String pathway = payload.text("pathway", null);
    String agency = Referral.receivingAgency(pathway, programmeAgency);
    String where = area.or(() -> referrals.latestIncidentArea(perpetratorId)).orElse(null);
    referrals
        .open(
            source,
            sourceReference,
            perpetratorId,
            agency,
            where,
            payload.text("referralRef", ""),
            payload.text("referringAgency", ""),
            payload.text("reason", ""),
            pathway,
            payload.flag("consentToShare"),
            now)
        .flatMap(referrals::find)
        .ifPresent(referral -> publish(referral, null, "intake:" + source));
  }

  /**
   * Opens a referral for the programme agency for a person on a published Foundation list, once.
   * The police's publication of the list is the lawful basis for sharing, recorded by name.
   */
  @Transactional
  public void openFromFoundationList(FoundationListPublished entry) {
    if (!processed.recordFirstDelivery("tracking.foundation-list", entry.messageId().toString())
        || disposals.isDisposed(entry.perpetratorId())) {
      // A list published before a disposal and read again must not bring the person back.
      return;
    }
    UUID perpetratorId = UUID.fromString(entry.perpetratorId());
    Instant now = clock.instant();
    String listName = "FOUNDATION " + entry.area() + " " + entry.asOf();
    referrals
        .open(
            "SCORING",
            "FOUNDATION:" + entry.publicationId() + ":" + entry.perpetratorId(),
            perpetratorId,
            programmeAgency,
            entry.area(),
            listName + " #" + entry.rank(),
            "POLICE_FOUNDATION_LIST",
            "On the published Project Foundation list " + listName + ", rank " + entry.rank(),
            "FOUNDATION",
            false,
            now)
        .ifPresent(
            id -> {
              referrals.recordLawfulBasis(
                  id,
                  1,
                  "Project Foundation police referral",
                  "list " + entry.publicationId() + " published under policy " + entry.policyId(),
                  entry.publishedBy(),
                  now);
              referrals
                  .find(id)
                  .ifPresent(referral -> publish(referral, null, entry.publishedBy()));
            });
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
      throw ProblemException.conflict(found(id).claimedBy() + " claimed this referral first.");
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
    publish(after, before.status(), caller.subject());
    return after;
  }

  private void publish(Referral referral, Referral.Status previousStatus, String by) {
    outbox.append(
        Topics.REFERRAL_STATUS_CHANGED,
        referral.perpetratorId().toString(),
        new ReferralStatusChanged(
            UUID.randomUUID(),
            referral.id(),
            referral.perpetratorId().toString(),
            referral.agency(),
            referral.area(),
            referral.status().name(),
            previousStatus == null ? null : previousStatus.name(),
            by,
            referral.updatedAt(),
            referral.pathway(),
            referral.outcome()));
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
      throw ProblemException.forbidden("You do not work area " + area + ".");
    }
  }

  private Referral found(UUID id) {
    return referrals
        .find(id)
        .orElseThrow(() -> ProblemException.notFound("No referral " + id + "."));
  }

  private ProblemException staleOrGone(UUID id) {
    return referrals.find(id).isPresent()
        ? ProblemException.conflict(
            "Referral " + id + " changed since you read it: read it again, then retry.")
        : ProblemException.notFound("No referral " + id + ".");
  }

  /** A refusal as the caller hears it: problem+json through web, whoever called. */
  private static void refuse(Refusal refusal) {
    List<FieldError> fields = refusal.fields();
    throw switch (refusal.kind()) {
      case FORBIDDEN -> ProblemException.forbidden(refusal.message());
      case CONFLICT ->
          new ProblemException(
              new Problem("about:blank", "Conflict", 409, refusal.message(), fields));
      case INCOMPLETE -> ProblemException.badRequest(refusal.message(), fields);
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
