package org.matac.tracking.application.intake;

import java.util.Arrays;
import java.util.List;
import org.matac.events.intake.EventType;

/** The payload rules of each event type, as the contract's table states them. */
final class PayloadRules {

  static final List<String> RELATIONSHIPS =
      List.of("INTIMATE_PARTNER", "EX_PARTNER", "FAMILY", "OTHER");
  static final List<String> DASH_RISKS = List.of("STANDARD", "MEDIUM", "HIGH");
  static final List<String> OUTCOMES =
      List.of(
          "ARREST", "CHARGE", "CAUTION", "CONDITIONAL_CAUTION", "NFA", "CONVICTION", "ACQUITTAL");
  static final List<String> ORDER_TYPES =
      List.of("DVPN", "DVPO", "DAPO", "NON_MOLESTATION", "RESTRAINING");
  static final List<String> CUSTODY_STATUSES = List.of("IN_CUSTODY", "RELEASED", "BAILED");
  static final List<String> PATHWAYS =
      List.of("FOUNDATION", "CARA", "DVPP", "DRIVE", "OUTREACH", "MATAC");
  static final List<String> INTERVENTION_STATUSES =
      List.of("REFERRED", "STARTED", "COMPLETED", "DROPPED_OUT", "DECLINED");
  static final List<String> WITHDRAWAL_REASONS =
      List.of("CREATED_IN_ERROR", "CANCELLED", "DUPLICATE_RECORD", "OTHER");

  private PayloadRules() {}

  static void check(EventType type, EnvelopeParser.Fields payload, IntakeRules rules) {
    switch (type) {
      case INCIDENT_REPORTED -> incident(payload, rules);
      case JUSTICE_OUTCOME_RECORDED -> {
        payload.text("incidentRef", true);
        payload.text("incidentSource", false);
        payload.oneOf("outcome", OUTCOMES, true);
      }
      case PROTECTIVE_ORDER_ISSUED -> {
        payload.text("orderRef", true);
        payload.oneOf("orderType", ORDER_TYPES, true);
        payload.text("protectedVictimRef", true);
        payload.instant("validFrom", true);
        payload.instant("validUntil", false);
      }
      case ORDER_BREACHED -> payload.text("orderRef", true);
      case CUSTODY_STATUS_CHANGED -> {
        payload.oneOf("status", CUSTODY_STATUSES, true);
        payload.text("conditions", false);
      }
      case MARAC_REFERRAL -> {
        payload.text("victimRef", true);
        payload.text("reason", false);
      }
      case PARTNER_REFERRAL -> {
        payload.text("referralRef", true);
        payload.text("referringAgency", true);
        payload.text("reason", true);
        payload.bool("consentToShare", true);
        payload.oneOf("pathway", PATHWAYS, false);
      }
      case INTERVENTION_STATUS_CHANGED -> {
        payload.text("programme", true);
        payload.oneOf("status", INTERVENTION_STATUSES, true);
      }
      case SAFETY_WORKER_ASSIGNED -> {
        payload.text("victimRef", true);
        payload.text("victimSource", false);
        payload.text("workerId", true);
        payload.text("workerAgency", true);
        payload.text("workerEmail", false);
      }
      case SAFETY_WORKER_UNASSIGNED -> {
        payload.text("victimRef", true);
        payload.text("victimSource", false);
        payload.text("workerId", true);
      }
      case RECORD_WITHDRAWN -> {
        List<String> withdrawable =
            Arrays.stream(EventType.values())
                .filter(t -> t != EventType.RECORD_WITHDRAWN)
                .map(Enum::name)
                .toList();
        payload.oneOf("withdrawnType", withdrawable, true);
        payload.oneOf("reason", WITHDRAWAL_REASONS, true);
        payload.text("note", false);
      }
    }
  }

  private static void incident(EnvelopeParser.Fields payload, IntakeRules rules) {
    payload.text("incidentRef", true);
    Boolean crimed = payload.bool("crimed", true);
    List<EnvelopeParser.Fields> offences = payload.objects("offences", false);
    if (Boolean.TRUE.equals(crimed) && offences.isEmpty() && !hasOffenceErrors(payload)) {
      payload.error("offences", "must hold at least one offence when crimed is true");
    }
    for (EnvelopeParser.Fields offence : offences) {
      String category = offence.text("category", true);
      if (category != null && !rules.isOffenceCategory(category)) {
        offence.error(
            "category",
            "must be one of "
                + rules.offenceCategories().stream().sorted().toList()
                + " (use OTHER for anything else)");
      }
      offence.text("code", false);
      offence.text("description", false);
    }
    List<EnvelopeParser.Fields> victims = payload.objects("victims", true);
    if (victims.isEmpty() && payload.isArray("victims")) {
      payload.error("victims", "must hold at least one victim");
    }
    for (EnvelopeParser.Fields victim : victims) {
      victim.text("victimRef", true);
      victim.oneOf("relationship", RELATIONSHIPS, true);
      victim.dateOfBirth("dateOfBirth");
      var contact = victim.object("contact", false);
      if (contact != null) {
        EnvelopeParser.Fields contactFields = victim.within("contact", contact);
        contactFields.text("address", false);
        contactFields.text("phone", false);
        contactFields.text("email", false);
      }
    }
    payload.bool("childrenPresent", false);
    payload.oneOf("dashRisk", DASH_RISKS, false);
    payload.bool("injury", false);
    payload.bool("weaponUsed", false);
    payload.bool("alcohol", false);
    payload.bool("drugs", false);
  }

  private static boolean hasOffenceErrors(EnvelopeParser.Fields payload) {
    return payload.errors.stream().anyMatch(error -> error.field().startsWith("payload.offences"));
  }
}
