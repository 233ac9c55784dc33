package org.matac.tracking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.matac.events.FieldError;

/**
 * A referral in its receiving agency's queue. Its life: NEW, then CLAIMED by a named caseworker,
 * then SCREENED with the Priority Perpetrator Identification Tool, then ACCEPTED onto a pathway,
 * DECLINED, or CLOSED with an outcome. It goes no further than CLAIMED without recorded consent to
 * share or a lawful basis recorded with a reason. Each command answers the refusal, if the rules
 * turn it down; the store then makes the change against the version the caller read.
 */
public record Referral(
    UUID id,
    UUID perpetratorId,
    String agency,
    String area,
    String referralRef,
    String referringAgency,
    String reason,
    String pathwayRequested,
    boolean consentToShare,
    String lawfulBasis,
    String lawfulBasisReason,
    String lawfulBasisBy,
    Status status,
    String claimedBy,
    String screening,
    Boolean priority,
    String pathway,
    String outcome,
    String decisionReason,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public enum Status {
    NEW,
    CLAIMED,
    SCREENED,
    ACCEPTED,
    DECLINED,
    CLOSED
  }

  public enum Rating {
    NOT_PRESENT,
    PRESENT,
    CRITICAL
  }

  public enum Decision {
    ACCEPT,
    DECLINE,
    CLOSE;

    public Status statusAfter() {
      return switch (this) {
        case ACCEPT -> Status.ACCEPTED;
        case DECLINE -> Status.DECLINED;
        case CLOSE -> Status.CLOSED;
      };
    }
  }

  public static final Set<String> PATHWAYS = Set.of("CARA", "DVPP", "DRIVE", "OUTREACH", "MATAC");

  /** The queue of the area's MATAC coordinators, which receives the MATAC pathway. */
  public static final String MATAC_QUEUE = "MATAC";

  /** Who receives a referral: the MATAC coordinators for the MATAC pathway, else the programme. */
  public static String receivingAgency(String pathway, String programmeAgency) {
    return MATAC_QUEUE.equals(pathway) ? MATAC_QUEUE : programmeAgency;
  }

  /** Whether someone working {@code queue} in {@code areas} may work this referral. */
  public Optional<Refusal> workableFrom(String queue, Collection<String> areas) {
    if (!agency.equals(queue)) {
      return Optional.of(Refusal.forbidden("Referral " + id + " is not in your agency's queue."));
    }
    if (area != null && !areas.contains(area)) {
      return Optional.of(Refusal.forbidden("You do not work area " + area + "."));
    }
    return Optional.empty();
  }

  /**
   * Only a NEW referral can be claimed; a refusal names who has it, so a caseworker who was beaten
   * to it knows whom to talk to.
   */
  public Optional<Refusal> claim() {
    if (status == Status.NEW) {
      return Optional.empty();
    }
    return refusal(
        List.of(
            new FieldError(
                "status",
                claimedBy == null
                    ? "only a NEW referral can be claimed; it is " + status
                    : "already claimed by " + claimedBy + "; it is " + status)));
  }

  /** A screening by its claimant, rating every item of {@code tool} and no other. */
  public Optional<Refusal> screenBy(
      String caseworker, List<String> tool, Map<String, Rating> ratings, Boolean priority) {
    List<FieldError> errors = new ArrayList<>();
    if (status != Status.CLAIMED && status != Status.SCREENED) {
      errors.add(new FieldError("status", "only a CLAIMED or SCREENED referral can be screened"));
    } else if (!caseworker.equals(claimedBy)) {
      errors.add(new FieldError("claimedBy", "the referral is claimed by someone else"));
    }
    if (!consentToShare && lawfulBasis == null) {
      errors.add(
          new FieldError(
              "consentToShare",
              "no consent to share and no lawful basis recorded: the referral cannot go past CLAIMED"));
    }
    for (String item : tool) {
      if (!ratings.containsKey(item)) {
        errors.add(new FieldError("ratings." + item, "is required: rate every item of the tool"));
      }
    }
    for (String item : ratings.keySet()) {
      if (!tool.contains(item)) {
        errors.add(new FieldError("ratings." + item, "is not an item of the tool " + tool));
      }
    }
    if (priority == null) {
      errors.add(new FieldError("priority", "is required: the practitioner's judgement"));
    }
    return refusal(errors);
  }

  /** A decision by the claimant after screening: accept onto a pathway, decline, or close. */
  public Optional<Refusal> decideBy(
      String caseworker, Decision decision, String pathway, String outcome) {
    List<FieldError> errors = new ArrayList<>();
    if (status != Status.SCREENED) {
      errors.add(
          new FieldError("status", "only a SCREENED referral can be decided; it is " + status));
    } else if (!caseworker.equals(claimedBy)) {
      errors.add(new FieldError("claimedBy", "the referral is claimed by someone else"));
    }
    if (decision == Decision.ACCEPT && (pathway == null || !PATHWAYS.contains(pathway))) {
      errors.add(new FieldError("pathway", "is required to accept: one of " + PATHWAYS));
    }
    if (decision == Decision.CLOSE && (outcome == null || outcome.isBlank())) {
      errors.add(new FieldError("outcome", "is required to close"));
    }
    return refusal(errors);
  }

  /**
   * A conflict when the referral's state alone stands in the way (the caller can do nothing about
   * it but read it again); otherwise the request is incomplete.
   */
  private static Optional<Refusal> refusal(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    boolean stateProblem =
        errors.stream()
            .allMatch(
                error ->
                    error.field().equals("status")
                        || error.field().equals("claimedBy")
                        || error.field().equals("consentToShare"));
    return Optional.of(
        stateProblem
            ? new Refusal(Refusal.Kind.CONFLICT, "The referral cannot move that way now.", errors)
            : new Refusal(Refusal.Kind.INCOMPLETE, "The request is incomplete.", errors));
  }
}
