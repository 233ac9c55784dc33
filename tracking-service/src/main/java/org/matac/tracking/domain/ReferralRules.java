package org.matac.tracking.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The referral lifecycle: NEW, then CLAIMED by a named caseworker, then SCREENED with the Priority
 * Perpetrator Identification Tool, then ACCEPTED onto a pathway, DECLINED, or CLOSED with an
 * outcome. A referral goes no further than CLAIMED without recorded consent to share or a lawful
 * basis recorded with a reason.
 */
public final class ReferralRules {

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
    CLOSE
  }

  public static final Set<String> PATHWAYS = Set.of("CARA", "DVPP", "DRIVE", "OUTREACH", "MATAC");

  /**
   * Who receives a referral: the area's MATAC coordinators for the MATAC pathway, else the
   * programme.
   */
  public static String receivingAgency(String pathway, String programmeAgency) {
    return "MATAC".equals(pathway) ? "MATAC" : programmeAgency;
  }

  private ReferralRules() {}

  /**
   * Why a referral in {@code status} cannot be claimed, if it cannot; naming who has it, so a
   * caseworker who was beaten to it knows whom to talk to.
   */
  public static List<FieldError> claim(Status status, String claimedBy) {
    if (status == Status.NEW) {
      return List.of();
    }
    return List.of(
        new FieldError(
            "status",
            claimedBy == null
                ? "only a NEW referral can be claimed; it is " + status
                : "already claimed by " + claimedBy + "; it is " + status));
  }

  /** Why this screening cannot be recorded by {@code caseworker}, if it cannot. */
  public static List<FieldError> screen(
      Status status,
      String claimedBy,
      String caseworker,
      boolean consentOrLawfulBasis,
      List<String> tool,
      Map<String, Rating> ratings,
      Boolean priority) {
    List<FieldError> errors = new ArrayList<>();
    if (status != Status.CLAIMED && status != Status.SCREENED) {
      errors.add(new FieldError("status", "only a CLAIMED or SCREENED referral can be screened"));
    } else if (!caseworker.equals(claimedBy)) {
      errors.add(new FieldError("claimedBy", "the referral is claimed by someone else"));
    }
    if (!consentOrLawfulBasis) {
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
    return errors;
  }

  /** Why this decision cannot be made, if it cannot. */
  public static List<FieldError> decide(
      Status status,
      String claimedBy,
      String caseworker,
      Decision decision,
      String pathway,
      String outcome) {
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
    return errors;
  }

  public static Status statusAfter(Decision decision) {
    return switch (decision) {
      case ACCEPT -> Status.ACCEPTED;
      case DECLINE -> Status.DECLINED;
      case CLOSE -> Status.CLOSED;
    };
  }
}
