package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.events.Topics;
import org.matac.events.tracking.ReferralStatusChanged;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/**
 * A programme's outcomes from tracking's referral decisions: 400 days ago Hampton Trust accepted
 * twelve people onto DVPP and declined fourteen after screening, each with an ABH ten days before;
 * one of those declined was accepted onto CARA a month later, so cannot stand as a comparison.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeOutcomeReportTest extends ScoringServiceTestBase {

  private static final String AREA = "PROGRAMME-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Instant DECIDED =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(400));

  @Inject ObjectMapper json;

  private String coordinator() {
    return token("coordinator-pr", "MATAC_COORDINATOR", "PROGRAMME_COUNCIL", AREA);
  }

  private String person() throws Exception {
    String id = UUID.randomUUID().toString();
    Profiles profile =
        Profiles.of(id)
            .incident(
                Profiles.anIncident("PR/" + UUID.randomUUID())
                    .at(DECIDED.minus(Duration.ofDays(10)))
                    .in(AREA)
                    .offences(List.of("ABH"))
                    .against("V-" + id));
    publishProfileChange(id, profile.json(json));
    awaitScoreOf(id);
    return id;
  }

  private void decided(String perpetratorId, String status, String pathway, Instant at)
      throws Exception {
    topics.send(
        Topics.REFERRAL_STATUS_CHANGED,
        perpetratorId,
        json.writeValueAsString(
            new ReferralStatusChanged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                perpetratorId,
                "HAMPTON_TRUST",
                AREA,
                status,
                "SCREENED",
                "cw-1",
                at,
                pathway,
                status.equals("CLOSED") ? "Synthetic outcome" : null)));
  }

  @BeforeAll
  void twelveAcceptedOntoDvppAndFourteenDeclined() throws Exception {
    for (int i = 0; i < 12; i++) {
      decided(person(), "ACCEPTED", "DVPP", DECIDED);
    }
    for (int i = 0; i < 14; i++) {
      String id = person();
      decided(id, "DECLINED", null, DECIDED);
      if (i == 0) {
        decided(id, "ACCEPTED", "CARA", DECIDED.plus(Duration.ofDays(30)));
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> get("/api/v1/reports/outcomes/dvpp?area=" + AREA, coordinator()).code() == 200);
  }

  @Test
  void compares_those_accepted_with_those_the_agency_declined_the_same_quarter() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/reports/outcomes/dvpp?area=" + AREA, coordinator());

    JsonNode report = json.readTree(body(response));
    assertThat(report.path("intervention").asText()).isEqualTo("DVPP");
    assertThat(report.path("takenOn").asInt()).isEqualTo(12);
    assertThat(report.path("strata").asInt()).as("one agency, one quarter").isEqualTo(1);
    assertThat(report.path("matched").path("treated").asInt()).isEqualTo(12);
    assertThat(report.path("matched").path("pool").asInt())
        .as("the one accepted onto CARA within the year is no comparison")
        .isEqualTo(13);
  }

  @Test
  void refuses_an_intervention_it_does_not_know() {
    assertThat(get("/api/v1/reports/outcomes/yoga?area=" + AREA, coordinator()).code())
        .isEqualTo(400);
  }
}
