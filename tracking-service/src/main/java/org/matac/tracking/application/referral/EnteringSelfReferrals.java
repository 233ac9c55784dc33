package org.matac.tracking.application.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.application.intake.EnvelopeParser;
import org.matac.tracking.application.intake.RecordingPartnerEvents;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.Referral;
import org.matac.tracking.persistence.ReferralStore;

/**
 * A person who refers themselves (by phone, at a drop-in) is entered by a caseworker of the
 * programme agency. The entry is a PARTNER_REFERRAL from that agency, recorded through the same
 * intake as a partner system's, so it is validated, audited and linked to a profile the same way.
 */
@Singleton
public class EnteringSelfReferrals {

  public static final String SELF_REFERRAL = "SELF_REFERRAL";

  /** What the caseworker writes down; the person's date of birth may be unknown. */
  public record SelfReferral(
      String givenName,
      String familyName,
      String dateOfBirth,
      String area,
      String reason,
      Boolean consentToShare,
      String pathway) {}

  private final EnvelopeParser parser;
  private final RecordingPartnerEvents recording;
  private final ReferralStore referrals;
  private final ObjectMapper json;
  private final Clock clock;

  public EnteringSelfReferrals(
      EnvelopeParser parser,
      RecordingPartnerEvents recording,
      ReferralStore referrals,
      ObjectMapper json,
      Clock clock) {
    this.parser = parser;
    this.recording = recording;
    this.referrals = referrals;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Referral enter(SelfReferral entry, Caller caseworker) {
    List<FieldError> problems = new ArrayList<>();
    // A partner system may send a person without a name; a person on the phone always gives one.
    if (entry.givenName() == null || entry.givenName().isBlank()) {
      problems.add(new FieldError("givenName", "is required"));
    }
    if (entry.familyName() == null || entry.familyName().isBlank()) {
      problems.add(new FieldError("familyName", "is required"));
    }
    if (entry.area() != null && !caseworker.areas().contains(entry.area())) {
      problems.add(new FieldError("area", "must be one of your areas " + caseworker.areas()));
    }
    String reference = "SELF-" + UUID.randomUUID();
    Instant now = clock.instant();
    ObjectNode envelope = json.createObjectNode();
    envelope.put("eventId", UUID.randomUUID().toString());
    envelope.put("type", "PARTNER_REFERRAL");
    envelope.put("schemaVersion", 1);
    envelope.put("source", caseworker.agency());
    envelope.put("sourceReference", reference);
    envelope.put("occurredAt", now.toString());
    envelope.put("recordedAt", now.toString());
    envelope.put("area", entry.area());
    ObjectNode person = envelope.putObject("perpetrator");
    // A new identity in the agency's records: an admin links it to a known profile if it is one.
    person.put("sourcePersonId", reference);
    person.put("givenName", entry.givenName());
    person.put("familyName", entry.familyName());
    person.put("dateOfBirth", entry.dateOfBirth());
    ObjectNode payload = envelope.putObject("payload");
    payload.put("referralRef", reference);
    payload.put("referringAgency", SELF_REFERRAL);
    payload.put("reason", entry.reason());
    if (entry.consentToShare() != null) {
      payload.put("consentToShare", entry.consentToShare());
    }
    payload.put("pathway", entry.pathway());
    EnvelopeParser.Parsed parsed = parser.parse(withoutNulls(envelope));
    parsed.errors().stream()
        .map(error -> new FieldError(formField(error.field()), error.message()))
        .forEach(problems::add);
    if (!problems.isEmpty() || parsed.event().isEmpty()) {
      throw Refused.invalid("The self-referral is incomplete.", problems);
    }
    PartnerEvent event = parsed.event().get();
    recording.record(event, RecordingPartnerEvents.Channel.HTTP, caseworker);
    return referrals.opened(caseworker.agency(), reference).orElseThrow();
  }

  /** An envelope path as the self-referral's own field: payload.reason is reason. */
  private static String formField(String path) {
    for (String prefix : List.of("perpetrator.", "payload.")) {
      if (path.startsWith(prefix)) {
        return path.substring(prefix.length());
      }
    }
    return path;
  }

  private static ObjectNode withoutNulls(ObjectNode node) {
    List<String> empty =
        node.properties().stream()
            .filter(field -> field.getValue().isNull())
            .map(Map.Entry::getKey)
            .toList();
    node.remove(empty);
    node.properties().stream()
        .filter(field -> field.getValue().isObject())
        .forEach(field -> withoutNulls((ObjectNode) field.getValue()));
    return node;
  }
}
