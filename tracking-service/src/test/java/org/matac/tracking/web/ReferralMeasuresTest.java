package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * The referral funnel of an area no other test refers people in: twelve referrals from children's
 * services this month, all claimed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralMeasuresTest extends TrackingServiceTestBase {
  private static final String AUDITED =
      "SELECT count(*) FROM audit_event WHERE action = 'CONSULTATION' AND subject_type = 'AREA'"
          + " AND subject_id = ?";

  private static final String AREA = "ISLE_OF_WIGHT";
  private static final String CHILDRENS = "ISLE_OF_WIGHT_CHILDRENS_SERVICES";
  private static final int REFERRALS = 12;

  @Inject ObjectMapper json;

  private final String caseworker = token("cw-iow", "CASEWORKER", "HAMPTON_TRUST", AREA);

  @BeforeAll
  void twelveReferralsAllClaimed() throws Exception {
    List<String> references = new ArrayList<>();
    for (int i = 0; i < REFERRALS; i++) {
      String reference = "IOW-" + UUID.randomUUID();
      references.add(reference);
      var referral =
          Envelopes.record(
                  "PARTNER_REFERRAL",
                  "{\"referralRef\":\""
                      + reference
                      + "\",\"referringAgency\":\""
                      + CHILDRENS
                      + "\",\"reason\":\"Synthetic concern\",\"consentToShare\":true,"
                      + "\"pathway\":\"DVPP\"}")
              .from(CHILDRENS)
              .inArea(AREA);
      assertThat(postEvent(referral.json(), partnerToken(CHILDRENS)).code()).isEqualTo(202);
    }
    JsonNode queue = json.readTree(body(get("/api/v1/referrals?limit=500", caseworker)));
    for (JsonNode item : queue.path("items")) {
      if (references.contains(item.path("referralRef").asText())) {
        HttpResponse<String> claimed =
            exchange(
                HttpRequest.POST("/api/v1/referrals/" + item.path("id").asText() + "/claim", "")
                    .bearerAuth(caseworker));
        assertThat(claimed.code()).as(body(claimed)).isEqualTo(200);
      }
    }
  }

  private JsonNode report(String token) throws Exception {
    HttpResponse<String> response = get("/api/v1/reports/referrals?area=" + AREA, token);
    assertThat(response.code()).as(body(response)).isEqualTo(200);
    return json.readTree(body(response));
  }

  @Test
  void counts_this_months_referrals_next_month_with_their_wait_to_claim() throws Exception {
    String nextMonth =
        YearMonth.now(ZoneOffset.UTC)
            .plusMonths(1)
            .atDay(2)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toString();
    JsonNode funnel =
        json.readTree(
                body(
                    get(
                        "/api/v1/reports/referrals?area=" + AREA + "&asOf=" + nextMonth,
                        token("analyst-iow", "ANALYST", "HAMPSHIRE_POLICE"))))
            .path("funnel");

    assertThat(funnel.path("stages").get(0).path("count").path("value").asInt())
        .isEqualTo(REFERRALS);
    assertThat(funnel.path("stages").get(1).path("count").path("value").asInt())
        .isEqualTo(REFERRALS);
    assertThat(funnel.path("byReferringAgency").get(0).path("label").asText()).isEqualTo(CHILDRENS);
    JsonNode claim = funnel.path("waits").get(0);
    assertThat(claim.path("referrals").asInt()).isEqualTo(REFERRALS);
    assertThat(claim.path("median").asDouble()).isLessThan(1);
  }

  @Test
  void leaves_this_month_out_until_it_is_whole() throws Exception {
    JsonNode funnel =
        report(token("coord-iow", "MATAC_COORDINATOR", "ISLE_OF_WIGHT_COUNCIL", AREA))
            .path("funnel");
    assertThat(funnel.path("stages").get(0).path("count").path("value").asInt()).isZero();
  }

  @Test
  void is_refused_to_a_coordinator_of_another_area() {
    assertThat(
            get(
                    "/api/v1/reports/referrals?area=" + AREA,
                    token("coord-x", "MATAC_COORDINATOR", "OTHER_COUNCIL", "PORTSMOUTH"))
                .code())
        .isEqualTo(403);
  }

  @Test
  void is_refused_to_a_caseworker() {
    assertThat(get("/api/v1/reports/referrals?area=" + AREA, caseworker).code()).isEqualTo(403);
  }

  @Test
  void is_kept_in_the_audit_trail_as_a_consultation_of_the_area() throws Exception {
    long before = countOf(AUDITED, AREA);
    get(
        "/api/v1/reports/referrals?area=" + AREA,
        token("coord-iow", "MATAC_COORDINATOR", "ISLE_OF_WIGHT_COUNCIL", AREA));
    assertThat(countOf(AUDITED, AREA)).isEqualTo(before + 1);
  }
}
