package org.matac.tracking.application.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.matac.tracking.domain.FieldError;
import org.matac.tracking.domain.ReferralRules;
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
      JsonNode payload,
      Instant now) {
    String pathway = payload.path("pathway").asText(null);
    String agency = ReferralRules.receivingAgency(pathway, programmeAgency);
    String where = area.or(() -> referrals.latestIncidentArea(perpetratorId)).orElse(null);
    referrals
        .open(
            source,
            sourceReference,
            perpetratorId,
            agency,
            where,
            payload.path("referralRef").asText(),
            payload.path("referringAgency").asText(),
            payload.path("reason").asText(),
            pathway,
            payload.path("consentToShare").asBoolean(false),
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
  public List<ReferralStore.Referral> queue(
      Caller caller, ReferralStore.QueueFilter filter, int limit) {
    String agency = agencyQueueOf(caller);
    filter.area().ifPresent(value -> requireArea(caller, value));
    List<ReferralStore.Referral> visible =
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
  public ReferralStore.Referral referral(UUID id, Caller caller) {
    ReferralStore.Referral referral = workable(id, caller);
    audited(caller, AuditEntry.Action.CONSULTATION, referral, "referral read");
    return referral;
  }

  @Transactional
  public ReferralStore.Referral claim(UUID id, Caller caseworker) {
    ReferralStore.Referral referral = workable(id, caseworker);
    refuse(ReferralRules.claim(status(referral), referral.claimedBy()));
    if (!referrals.claim(id, caseworker.subject(), clock.instant())) {
      throw ProblemException.conflict(found(id).claimedBy() + " claimed this referral first.");
    }
    return changed(id, referral, caseworker, "claimed");
  }

  @Transactional
  public ReferralStore.Referral recordLawfulBasis(
      UUID id, long version, String basis, String reason, Caller admin) {
    ReferralStore.Referral referral = found(id);
    if (!referrals.recordLawfulBasis(
        id, version, basis, reason, admin.subject(), clock.instant())) {
      throw staleOrGone(id);
    }
    audited(admin, AuditEntry.Action.ALTERATION, referral, "lawful basis recorded: " + basis);
    return found(id);
  }

  @Transactional
  public ReferralStore.Referral screen(
      UUID id,
      long version,
      Map<String, ReferralRules.Rating> ratings,
      Boolean priority,
      String notes,
      Caller caseworker) {
    ReferralStore.Referral referral = workable(id, caseworker);
    refuse(
        ReferralRules.screen(
            status(referral),
            referral.claimedBy(),
            caseworker.subject(),
            referral.consentToShare() || referral.lawfulBasis() != null,
            tool.itemCodes(),
            ratings,
            priority));
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
  public ReferralStore.Referral decide(
      UUID id,
      long version,
      ReferralRules.Decision decision,
      String pathway,
      String outcome,
      String reason,
      Caller caseworker) {
    ReferralStore.Referral referral = workable(id, caseworker);
    refuse(
        ReferralRules.decide(
            status(referral),
            referral.claimedBy(),
            caseworker.subject(),
            decision,
            pathway,
            outcome));
    if (!referrals.decide(
        id,
        version,
        ReferralRules.statusAfter(decision).name(),
        decision == ReferralRules.Decision.ACCEPT ? pathway : null,
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

  private ReferralStore.Referral changed(
      UUID id, ReferralStore.Referral before, Caller caller, String what) {
    ReferralStore.Referral after = found(id);
    audited(caller, AuditEntry.Action.ALTERATION, after, "referral " + what);
    publish(after, before.status(), caller.subject());
    return after;
  }

  private void publish(ReferralStore.Referral referral, String previousStatus, String by) {
    outbox.append(
        Topics.REFERRAL_STATUS_CHANGED,
        referral.perpetratorId().toString(),
        new ReferralStatusChanged(
            UUID.randomUUID(),
            referral.id(),
            referral.perpetratorId().toString(),
            referral.agency(),
            referral.area(),
            referral.status(),
            previousStatus,
            by,
            referral.updatedAt(),
            referral.pathway(),
            referral.outcome()));
  }

  private String agencyQueueOf(Caller caller) {
    if (caller.hasRole(Roles.MATAC_COORDINATOR)) {
      return "MATAC";
    }
    return caller.agency();
  }

  /** The caller works this referral: their agency's queue, in one of their areas. */
  private ReferralStore.Referral workable(UUID id, Caller caller) {
    ReferralStore.Referral referral = found(id);
    if (!referral.agency().equals(agencyQueueOf(caller))) {
      throw ProblemException.forbidden("Referral " + id + " is not in your agency's queue.");
    }
    if (referral.area() != null) {
      requireArea(caller, referral.area());
    }
    return referral;
  }

  private static void requireArea(Caller caller, String area) {
    if (!caller.areas().contains(area)) {
      throw ProblemException.forbidden("You do not work area " + area + ".");
    }
  }

  private ReferralStore.Referral found(UUID id) {
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

  private static ReferralRules.Status status(ReferralStore.Referral referral) {
    return ReferralRules.Status.valueOf(referral.status());
  }

  private static void refuse(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    List<Problem.FieldError> fields =
        errors.stream()
            .map(error -> new Problem.FieldError(error.field(), error.message()))
            .toList();
    boolean stateProblem =
        errors.stream()
            .allMatch(
                error ->
                    error.field().equals("status")
                        || error.field().equals("claimedBy")
                        || error.field().equals("consentToShare"));
    throw stateProblem
        ? new ProblemException(
            new Problem(
                "about:blank", "Conflict", 409, "The referral cannot move that way now.", fields))
        : ProblemException.badRequest("The request is incomplete.", fields);
  }

  private void audited(
      Caller caller, AuditEntry.Action action, ReferralStore.Referral referral, String purpose) {
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
