package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * A member agency at the meeting and after it, in a real browser: a probation officer sees the
 * actions probation agreed to on Havant's published list (and not housing's), reports progress, and
 * a report made on a page a colleague had already changed is refused, saying what changed.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerAgencyJourneyTest {

  private static final String AREA = "HAVANT";
  private static final String PROBATION = "HAMPSHIRE_PROBATION";
  private static final String PROBATION_ACTION = "Weekly probation appointment with a DA focus";
  private static final String HOUSING_ACTION = "Review the tenancy for a management transfer";

  private final Api api = new Api();
  private Browser browser;

  @BeforeAll
  void aPublishedListWithActionsForTwoAgencies() {
    String police = RunningStack.partner("HAMPSHIRE_POLICE");
    Envelopes.Incident first =
        Envelopes.incident()
            .withArea(AREA)
            .named("Tasked", "Fakeperson-Partner")
            .withOffence("GBH")
            .occurredAt(Instant.now().minus(Duration.ofDays(20)).toString())
            .recordedAt(Instant.now().minus(Duration.ofDays(19)).toString());
    api.send(police, first.json());
    api.send(
        police,
        Envelopes.incident()
            .withArea(AREA)
            .withPerson(first.sourcePersonId)
            .named("Tasked", "Fakeperson-Partner")
            .withOffence("GBH")
            .occurredAt(Instant.now().minus(Duration.ofDays(5)).toString())
            .recordedAt(Instant.now().minus(Duration.ofDays(4)).toString())
            .json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(LocalStack.Service.SCORING, "/api/v1/rankings?area=" + AREA, coordinator())
                        .path("entries")
                        .size()
                    == 1);
    JsonNode cycle =
        api.post(
            LocalStack.Service.SCORING,
            "/api/v1/tasking-cycles",
            "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}",
            coordinator());
    String cycleId = cycle.path("cycle").path("id").asText();
    String entry =
        "/api/v1/tasking-cycles/"
            + cycleId
            + "/entries/"
            + cycle.path("entries").get(0).path("perpetratorId").asText();
    api.post(
        LocalStack.Service.SCORING,
        entry + "/decision",
        "{\"decision\":\"APPROVE\",\"reason\":\"Two GBH offences\"}",
        coordinator());
    agree(entry, PROBATION, PROBATION_ACTION);
    agree(entry, "HAVANT_HOUSING", HOUSING_ACTION);
    api.post(
        LocalStack.Service.SCORING,
        "/api/v1/tasking-cycles/" + cycleId + "/publish",
        "",
        coordinator());
  }

  private void agree(String entry, String agency, String description) {
    api.post(
        LocalStack.Service.SCORING,
        entry + "/actions",
        "{\"agency\":\""
            + agency
            + "\",\"tactic\":\"DISRUPTION\",\"description\":\""
            + description
            + "\",\"owner\":\"Testy Fakeofficer\",\"dueDate\":\""
            + LocalDate.now(ZoneOffset.UTC).plusDays(14)
            + "\"}",
        coordinator());
  }

  private static String coordinator() {
    return RunningStack.token(
        "coordinator-havant", "MATAC_COORDINATOR", "HAVANT_COUNCIL", List.of(AREA));
  }

  private static String console() {
    return RunningStack.stack().url(LocalStack.Service.CONSOLE);
  }

  private static Browser probationOfficer(String subject) {
    return Browser.open(console()).signInAs(subject, "Partner practitioner", PROBATION, "Havant");
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void a_practitioner_starts_on_the_actions_their_agency_owns_and_no_others() {
    browser = probationOfficer("probation-officer-1");

    assertThat(browser.path()).isEqualTo("/actions");
    assertThat(browser.find(By.id("agency-actions")).getText())
        .contains(PROBATION_ACTION)
        .contains("Tasked Fakeperson-Partner")
        .doesNotContain(HOUSING_ACTION);
    browser.checkPage("partner-actions");
  }

  @Test
  @Order(2)
  void progress_is_reported_with_a_status_and_notes() {
    browser = probationOfficer("probation-officer-1");
    browser.follow(PROBATION_ACTION);
    browser.checkPage("partner-action");

    new Select(browser.find(By.id("status"))).selectByVisibleText("In progress");
    browser.type("notes", "First appointment kept on 3 December").press("Save progress");

    assertThat(browser.path()).startsWith("/actions");
    assertThat(browser.find(By.id("agency-actions")).getText()).contains("In progress");
  }

  @Test
  @Order(3)
  void a_report_on_a_page_a_colleague_had_already_changed_is_refused_saying_what_changed() {
    browser = probationOfficer("probation-officer-1");
    browser.follow(PROBATION_ACTION);
    try (Browser colleague = probationOfficer("probation-officer-2")) {
      colleague.follow(PROBATION_ACTION);
      new Select(colleague.find(By.id("status"))).selectByVisibleText("Completed");
      colleague.press("Save progress");
    }

    new Select(browser.find(By.id("status"))).selectByVisibleText("Not achieved");
    browser.press("Save progress");

    assertThat(browser.find(By.className("govuk-error-summary")).getText())
        .contains("This action changed while you had it open")
        .contains("COMPLETED")
        .contains("probation-officer-2");
    assertThat(new Select(browser.find(By.id("status"))).getFirstSelectedOption().getText())
        .isEqualTo("Completed");
    browser.checkPage("partner-action-stale");
  }
}
