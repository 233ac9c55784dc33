package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * One person with a bail release whose conditions name a victim, a MARAC referral with its reason,
 * and a referral to the programme: the caseworker who works that referral reads the profile without
 * any of the free text; the MATAC coordinator reads all of it.
 */
@MicronautTest(transactional = false)
class RecordDetailsByRoleTest extends TrackingServiceTestBase {

  private static final String CONDITIONS = "MARKER-CONDITIONS-not to contact Victimname";
  private static final String MARAC_REASON = "MARKER-MARAC-REASON";
  private static final String REFERRAL_REASON = "MARKER-REFERRAL-REASON";

  private final String person = "NICHE-RD-" + UUID.randomUUID().toString().substring(0, 8);
  private String perpetratorId;

  private void send(Envelopes.Record record) {
    assertThat(postEvent(record.aboutPerson(person).json(), partnerToken(POLICE)).code())
        .isEqualTo(202);
  }

  @BeforeAll
  void aPersonWithFreeTextAboutTheirVictim() throws Exception {
    assertThat(
            postEvent(Envelopes.incident().withPerson(person).json(), partnerToken(POLICE)).code())
        .isEqualTo(202);
    send(
        Envelopes.record(
            "CUSTODY_STATUS_CHANGED",
            "{\"status\":\"BAILED\",\"conditions\":\"" + CONDITIONS + "\"}"));
    send(
        Envelopes.record(
            "MARAC_REFERRAL", "{\"victimRef\":\"V-RD-1\",\"reason\":\"" + MARAC_REASON + "\"}"));
    send(
        Envelopes.record(
                "PARTNER_REFERRAL",
                "{\"referralRef\":\"RD-"
                    + UUID.randomUUID()
                    + "\",\"referringAgency\":\"HAMPSHIRE_POLICE\",\"reason\":\""
                    + REFERRAL_REASON
                    + "\",\"consentToShare\":true,\"pathway\":\"DVPP\"}")
            .inArea("SOUTHAMPTON"));
    perpetratorId = perpetratorIdOf(person);
  }

  private String profileAs(String token) {
    var response = get("/api/v1/perpetrators/" + perpetratorId, token);
    assertThat(response.code()).isEqualTo(200);
    return body(response);
  }

  @Test
  void a_caseworker_reads_the_offending_facts_without_any_free_text_about_the_victim() {
    String profile = profileAs(token("cw-rd", "CASEWORKER", "HAMPTON_TRUST", "SOUTHAMPTON"));

    assertThat(profile)
        .contains("BAILED", "DVPP")
        .doesNotContain(CONDITIONS, MARAC_REASON, REFERRAL_REASON, "V-RD-1");
  }

  @Test
  void a_matac_coordinator_reads_the_conditions_and_reasons_too() {
    String profile =
        profileAs(token("coord-rd", "MATAC_COORDINATOR", "HAMPSHIRE_POLICE", "SOUTHAMPTON"));

    assertThat(profile).contains(CONDITIONS, MARAC_REASON, REFERRAL_REASON);
  }
}
