package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * Markers planted in every field of every event type that holds a victim's contact details or free
 * text about a victim: none of them may reach a caseworker's view of the profile, and no contact
 * detail may reach a message tracking publishes or an envelope it stores (they live only in
 * victim_contact, for victim-safety roles). Logs are swept the same way by LogHygieneTest.
 */
@MicronautTest(transactional = false)
class PlantedMarkersTest extends TrackingServiceTestBase {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String person = "NICHE-PM-" + run;
  private final String victim = "V-MARKER-" + run;
  private final String address = "MARKER-ADDRESS-" + run;
  private final String phone = "MARKER-PHONE-" + run;
  private final String email = "marker-email-" + run + "@example.invalid";
  private final String offenceDescription = "MARKER-OFFENCE-DESCRIPTION-" + run;
  private final String conditions = "MARKER-CONDITIONS-" + run;
  private final String maracReason = "MARKER-MARAC-" + run;
  private final String referralReason = "MARKER-REFERRAL-" + run;
  private final String withdrawalNote = "MARKER-NOTE-" + run;
  private final String workerEmail = "marker-worker-" + run;

  private String perpetratorId;

  private void send(Envelopes.Record record) {
    var response = postEvent(record.aboutPerson(person).json(), partnerToken(record.source));
    assertThat(response.code()).as(record.type + ": " + body(response)).isEqualTo(202);
  }

  @BeforeAll
  void everyEventTypeWithMarkers() throws Exception {
    String incident = "INC-PM-" + run;
    send(
        Envelopes.record(
                "INCIDENT_REPORTED",
                ("{\"incidentRef\":\"%s\",\"crimed\":true,\"offences\":[{\"category\":\"COMMON_ASSAULT\","
                        + "\"description\":\"%s\"}],\"victims\":[{\"victimRef\":\"%s\","
                        + "\"relationship\":\"INTIMATE_PARTNER\",\"contact\":{\"address\":\"%s\","
                        + "\"phone\":\"%s\",\"email\":\"%s\"}}],\"dashRisk\":\"HIGH\"}")
                    .formatted(incident, offenceDescription, victim, address, phone, email))
            .inArea("SOUTHAMPTON"));
    send(
        Envelopes.record(
            "JUSTICE_OUTCOME_RECORDED",
            "{\"incidentRef\":\"" + incident + "\",\"outcome\":\"CHARGE\"}"));
    send(
        Envelopes.record(
            "PROTECTIVE_ORDER_ISSUED",
            "{\"orderRef\":\"ORD-PM-%s\",\"orderType\":\"DVPO\",\"protectedVictimRef\":\"%s\",\"validFrom\":\"2026-10-03T09:00:00Z\"}"
                .formatted(run, victim)));
    send(Envelopes.record("ORDER_BREACHED", "{\"orderRef\":\"ORD-PM-" + run + "\"}"));
    send(
        Envelopes.record(
            "CUSTODY_STATUS_CHANGED",
            "{\"status\":\"BAILED\",\"conditions\":\"" + conditions + "\"}"));
    send(
        Envelopes.record(
            "MARAC_REFERRAL",
            "{\"victimRef\":\"" + victim + "\",\"reason\":\"" + maracReason + "\"}"));
    send(
        Envelopes.record(
                "PARTNER_REFERRAL",
                ("{\"referralRef\":\"PM-%s\",\"referringAgency\":\"HAMPSHIRE_POLICE\","
                        + "\"reason\":\"%s\",\"consentToShare\":true,\"pathway\":\"DVPP\"}")
                    .formatted(run, referralReason))
            .inArea("SOUTHAMPTON"));
    send(
        Envelopes.record(
            "INTERVENTION_STATUS_CHANGED", "{\"programme\":\"DVPP\",\"status\":\"REFERRED\"}"));
    Envelopes.Record mistaken =
        Envelopes.record("CUSTODY_STATUS_CHANGED", "{\"status\":\"IN_CUSTODY\"}")
            .version(1, "2026-10-03T09:05:00Z");
    send(mistaken);
    send(
        Envelopes.record(
                "RECORD_WITHDRAWN",
                "{\"withdrawnType\":\"CUSTODY_STATUS_CHANGED\",\"reason\":\"CREATED_IN_ERROR\","
                    + "\"note\":\""
                    + withdrawalNote
                    + "\"}")
            .withSourceReference(mistaken.sourceReference)
            .version(2, "2026-10-03T10:00:00Z"));
    send(
        Envelopes.record(
                "SAFETY_WORKER_ASSIGNED",
                ("{\"victimRef\":\"%s\",\"victimSource\":\"HAMPSHIRE_POLICE\","
                        + "\"workerId\":\"idva-pm-%s\",\"workerAgency\":\"SOUTHAMPTON_IDVA\","
                        + "\"workerEmail\":\"%s@example.invalid\"}")
                    .formatted(victim, run, workerEmail))
            .from("SOUTHAMPTON_IDVA"));
    perpetratorId = perpetratorIdOf(person);
  }

  private List<String> contactMarkers() {
    return List.of(address, phone, email, workerEmail);
  }

  @Test
  void a_caseworker_reads_the_profile_without_any_of_them() {
    var response =
        get(
            "/api/v1/perpetrators/" + perpetratorId,
            token("cw-pm", "CASEWORKER", "HAMPTON_TRUST", "SOUTHAMPTON"));
    assertThat(response.code()).isEqualTo(200);

    assertThat(body(response))
        .contains("BAILED", "DVPP", "ASSAULT", "\"victimRef\":\"victim 1\"")
        .doesNotContain(
            address,
            phone,
            email,
            offenceDescription,
            conditions,
            maracReason,
            referralReason,
            withdrawalNote,
            workerEmail,
            victim);
  }

  @Test
  void no_message_tracking_publishes_holds_a_contact_detail() {
    topics.readUntil(
        Topics.PROFILE_CHANGED,
        record -> record.value() != null && record.value().contains(perpetratorId),
        Duration.ofSeconds(30));
    List<String> published = new ArrayList<>();
    for (String topic :
        List.of(
            Topics.PROFILE_CHANGED,
            Topics.SAFETY_WORKER_ASSIGNED,
            Topics.REFERRAL_STATUS_CHANGED,
            Topics.PERPETRATOR_DISPOSED)) {
      topics
          .readAll(topic, Duration.ofSeconds(2))
          .forEach(record -> published.add(topic + " " + record.value()));
    }

    assertThat(published).anyMatch(message -> message.contains(run));
    assertThat(published)
        .allSatisfy(message -> assertThat(message).doesNotContain(contactMarkers()));
  }

  @Test
  void no_envelope_tracking_keeps_holds_a_contact_detail() throws Exception {
    List<String> stored = new ArrayList<>();
    try (Connection owner = connectAs("migrations");
        var query =
            owner.prepareStatement("SELECT body::text FROM intake_event WHERE body::text LIKE ?")) {
      query.setString(1, "%" + run + "%");
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          stored.add(rows.getString(1));
        }
      }
    }

    assertThat(stored).hasSize(11);
    assertThat(stored).allSatisfy(body -> assertThat(body).doesNotContain(address, phone, email));
  }
}
