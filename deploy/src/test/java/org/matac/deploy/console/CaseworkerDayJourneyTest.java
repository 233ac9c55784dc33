package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.deploy.Api;
import org.matac.deploy.LocalStack;
import org.matac.deploy.RunningStack;
import org.matac.testing.Envelopes;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A Hampton Trust caseworker's day in a real browser: the queue and its filters, a claim lost to a
 * colleague who clicked first (and told who has it), a claim won, the PPIT screening form as the
 * configured ten-item, two-group version defines it, a decision, and a self-referral entered by
 * hand without JavaScript. A victim's address planted in the police incident appears on no page.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkerDayJourneyTest {

  private static final String VICTIM_ADDRESS_MARKER = "MARKER-CASEWORKER-ADDRESS";
  private static final String AREA = "EASTLEIGH";

  private final Api api = new Api();
  private final Envelopes.Incident incident =
      Envelopes.incident()
          .withArea(AREA)
          .named("Referred", "Fakeperson-Casework")
          .withVictimAddress(VICTIM_ADDRESS_MARKER);
  private final String dvppRef = "HP-DVPP-" + System.nanoTime();
  private final String caraRef = "CS-CARA-" + System.nanoTime();
  private Browser browser;

  @BeforeAll
  void twoReferralsForTheProgramme() {
    api.send(RunningStack.partner("HAMPSHIRE_POLICE"), incident.json());
    api.send(
        RunningStack.partner("HAMPSHIRE_POLICE"),
        referral(dvppRef, "HAMPSHIRE_POLICE", "DVPP")
            .aboutPerson(incident.sourcePersonId)
            .inArea(AREA)
            .json());
    api.send(
        RunningStack.partner("SOUTHAMPTON_CHILDRENS_SERVICES"),
        referral(caraRef, "SOUTHAMPTON_CHILDRENS_SERVICES", "CARA")
            .from("SOUTHAMPTON_CHILDRENS_SERVICES")
            .inArea(AREA)
            .json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.items(
                            LocalStack.Service.TRACKING,
                            "/api/v1/referrals?area=" + AREA,
                            caseworkerToken("cw-day-reader"))
                        .size()
                    == 2);
  }

  private static Envelopes.Record referral(String reference, String agency, String pathway) {
    return Envelopes.record(
        "PARTNER_REFERRAL",
        "{\"referralRef\":\""
            + reference
            + "\",\"referringAgency\":\""
            + agency
            + "\",\"reason\":\"Synthetic concern for the journey\",\"consentToShare\":true,"
            + "\"pathway\":\""
            + pathway
            + "\"}");
  }

  private static String caseworkerToken(String subject) {
    return RunningStack.token(subject, "CASEWORKER", "HAMPTON_TRUST", List.of(AREA));
  }

  private static String console() {
    return RunningStack.stack().url(LocalStack.Service.CONSOLE);
  }

  private Browser signedIn(String subject) {
    browser = Browser.open(console());
    return browser.signInAs(subject, "Caseworker", "HAMPTON_TRUST", "Eastleigh");
  }

  private void noVictimDetails() {
    assertThat(browser.source()).doesNotContain(VICTIM_ADDRESS_MARKER);
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void the_start_page_is_the_queue_which_narrows_by_pathway() {
    signedIn("cw-day-1");

    assertThat(browser.path()).isEqualTo("/referrals");
    assertThat(browser.find(By.id("referrals")).getText())
        .contains(dvppRef)
        .contains(caraRef)
        .contains("Referred Fakeperson-Casework");
    noVictimDetails();
    browser.checkPage("caseworker-queue");

    new Select(browser.find(By.id("pathway"))).selectByVisibleText("CARA");
    browser.press("Show referrals");

    assertThat(browser.find(By.id("referrals")).getText())
        .contains(caraRef)
        .doesNotContain(dvppRef);
  }

  @Test
  @Order(2)
  void a_claim_lost_to_a_colleague_who_clicked_first_names_the_colleague() {
    signedIn("cw-day-1").follow(caraRef);
    try (Browser colleague = Browser.open(console())) {
      colleague.signInAs("cw-day-2", "Caseworker", "HAMPTON_TRUST", "Eastleigh").follow(caraRef);
      colleague.press("Claim this referral");
      assertThat(colleague.text()).contains("claimed by cw-day-2");
    }

    browser.press("Claim this referral");

    assertThat(browser.find(By.className("govuk-error-summary")).getText())
        .contains("You could not claim this referral")
        .contains("cw-day-2");
    browser.checkPage("caseworker-claim-lost");
  }

  @Test
  @Order(3)
  void a_claimed_referral_is_screened_with_every_item_of_the_configured_tool() {
    signedIn("cw-day-1").follow(dvppRef);
    assertThat(browser.heading()).isEqualTo("Referred Fakeperson-Casework");
    noVictimDetails();
    browser.checkPage("caseworker-referral");
    browser.press("Claim this referral").follow("Screen with the PPIT");

    assertThat(browser.findAll(By.cssSelector("main h2")))
        .extracting(heading -> heading.getText())
        .startsWith("Offending-related", "Offender-related");
    assertThat(browser.findAll(By.cssSelector("input[type=radio][value=CRITICAL]"))).hasSize(10);
    browser.press("Save the screening");
    assertThat(browser.findAll(By.cssSelector(".govuk-error-summary li"))).hasSize(11);
    browser.checkPage("caseworker-screening-errors");

    for (var critical : browser.findAll(By.cssSelector("input[type=radio][value=NOT_PRESENT]"))) {
      browser.tick(critical.getAttribute("id"));
    }
    browser.tick("RECENT_OFFENDING-CRITICAL").tick("priority").type("notes", "Synthetic notes");
    browser.press("Save the screening");

    assertThat(browser.text()).contains("Judged a priority with ppit-1").contains("Critical");
    noVictimDetails();
  }

  @Test
  @Order(4)
  void a_screened_referral_is_accepted_onto_a_pathway_with_a_reason() {
    signedIn("cw-day-1").follow(dvppRef).follow("Record a decision");
    browser.press("Record the decision");
    assertThat(browser.text()).contains("Select accept, decline or close");
    browser.checkPage("caseworker-decision-errors");

    browser
        .tick("decision")
        .type("reason", "Priority; motivated to change")
        .press("Record the decision");

    assertThat(browser.text()).contains("Accepted: Priority; motivated to change");
    noVictimDetails();
  }

  @Test
  @Order(5)
  void a_self_referral_is_entered_by_hand_without_javascript() {
    browser = Browser.withoutJavaScript(console());
    browser.signInAs("cw-day-1", "Caseworker", "HAMPTON_TRUST", "Eastleigh");
    browser.follow("Enter a self-referral");
    browser.press("Enter the referral");
    assertThat(browser.text())
        .contains("Enter their first name")
        .contains("Select whether they consent");
    browser.checkPage("caseworker-self-referral-errors");

    browser
        .type("givenName", "Selfie")
        .type("familyName", "Fakeperson-Casework")
        .type("reason", "Rang the helpline worried about his anger")
        .tick("consentToShare")
        .press("Enter the referral");

    assertThat(browser.heading()).isEqualTo("Selfie Fakeperson-Casework");
    assertThat(browser.text()).contains("Self referral").contains("New");
    browser.checkPage("caseworker-self-referral");
  }
}
