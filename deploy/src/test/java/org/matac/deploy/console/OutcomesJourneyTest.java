package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.deploy.Api;
import org.matac.deploy.LocalStack;
import org.matac.deploy.RunningStack;
import org.matac.testing.Envelopes;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Whether MATAC worked in an area, in a real browser: two cycles over a year ago, each taking on 16
 * of 80 people alike on paper (one ABH each, ten days before the first cycle), so that every person
 * taken on has an exact match among those who were not; a third of all 80 offended again after both
 * cycles.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomesJourneyTest {

  private static final String AREA = "HART";
  private static final int PEOPLE = 80;
  private static final int TAKEN_ON_PER_CYCLE = 16;
  private static final int MEASURED = 12;

  private final Api api = new Api();
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
  private Browser browser;

  private static String coordinator() {
    return RunningStack.token(
        "coordinator-outcomes", "MATAC_COORDINATOR", "HART_COUNCIL", List.of(AREA));
  }

  @BeforeAll
  void twoCyclesOverAYearAgo() {
    String police = RunningStack.partner("HAMPSHIRE_POLICE");
    Instant start = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant first = start.minus(Duration.ofDays(440)).truncatedTo(ChronoUnit.SECONDS);
    Instant again = start.minus(Duration.ofDays(390));
    for (int i = 0; i < PEOPLE; i++) {
      String person = "NICHE-OUTCOMES-" + i;
      api.send(police, incident(person, i, "ABH", first));
      if (i % 3 == 0) {
        api.send(police, incident(person, i, "COMMON_ASSAULT", again));
      }
    }
    String asOfSecondCycle = "&asOf=" + start.minus(Duration.ofDays(389));
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                api.get(
                            LocalStack.Service.SCORING,
                            "/api/v1/rankings?area=" + AREA + "&limit=200" + asOfSecondCycle,
                            coordinator())
                        .path("entries")
                        .size()
                    >= PEOPLE);
    cycle(today.minusDays(430));
    cycle(today.minusDays(402));
    Instant middleOfLastMonth =
        YearMonth.from(today).minusMonths(1).atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (int i = 0; i < MEASURED; i++) {
      api.send(
          police, incident("NICHE-MEASURED-" + i, PEOPLE + i, "COMMON_ASSAULT", middleOfLastMonth));
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                lastMonthsIncidents(
                        api.get(
                            LocalStack.Service.SCORING,
                            "/api/v1/reports/measures?area=" + AREA,
                            coordinator()))
                    .equals(String.valueOf(MEASURED)));
  }

  private static String lastMonthsIncidents(JsonNode measures) {
    for (JsonNode row : measures.path("rows")) {
      if (row.path("measure").asText().equals("DA_INCIDENTS")) {
        return row.path("months").get(11).path("value").asText();
      }
    }
    return "";
  }

  private static String incident(String person, int i, String offence, Instant at) {
    return Envelopes.incident()
        .withPerson(person)
        .withArea(AREA)
        .named("Outcome" + i, "Fakeperson-Outcomes")
        .withVictim("V-OUTCOMES-" + i)
        .bornOn(LocalDate.of(1980 + i % 20, 1 + i % 12, 1 + i % 28).toString())
        .withOffence(offence)
        .occurredAt(at.toString())
        .recordedAt(at.plus(Duration.ofHours(2)).toString())
        .json();
  }

  /** Drafts a cycle, takes on the top 16 proposed, keeps every member, rejects the rest. */
  private void cycle(LocalDate date) {
    JsonNode draft =
        api.post(
            LocalStack.Service.SCORING,
            "/api/v1/tasking-cycles",
            "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + date + "\"}",
            coordinator());
    String cycle = "/api/v1/tasking-cycles/" + draft.path("cycle").path("id").asText();
    for (JsonNode entry : draft.path("entries")) {
      boolean approve =
          entry.path("kind").asText().equals("REVIEW")
              || entry.path("rank").asInt() <= TAKEN_ON_PER_CYCLE;
      api.post(
          LocalStack.Service.SCORING,
          cycle + "/entries/" + entry.path("perpetratorId").asText() + "/decision",
          "{\"decision\":\"" + (approve ? "APPROVE" : "REJECT") + "\",\"reason\":\"panel\"}",
          coordinator());
    }
    api.post(LocalStack.Service.SCORING, cycle + "/publish", "", coordinator());
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void an_analyst_sees_each_design_with_its_strength_and_the_caveats() {
    browser =
        Browser.open(RunningStack.stack().url(LocalStack.Service.CONSOLE))
            .signInAs("analyst-outcomes", "Analyst", "HAMPSHIRE_POLICE");
    browser.follow("Did it work?");
    new Select(browser.find(By.id("area"))).selectByVisibleText("Hart");
    browser.press("Show the figures");

    assertThat(browser.find(By.id("before-after")).getText())
        .contains("Harm (gravity-weighted)", "DA crimes", "New victims");
    assertThat(browser.find(By.id("strength")).getText()).contains("fewer than 60");
    assertThat(browser.findAll(By.cssSelector("#estimates tbody tr"))).hasSize(3);
    assertThat(browser.findAll(By.cssSelector("#balance tbody tr"))).hasSize(6);
    assertThat(browser.findAll(By.cssSelector("#survival-table tbody tr"))).hasSize(5);
    assertThat(browser.findAll(By.cssSelector("#caveats li"))).hasSize(5);
    assertThat(browser.text()).doesNotContain("Fakeperson-Outcomes");
    browser.checkPage("analyst-matac-outcomes");
    browser.screenshotOf(By.id("main-content"), "analyst-matac-outcomes-figures");
    browser.screenshotOf(By.id("main-content"), "analyst-matac-outcomes-narrow", 320);

    String csv = browser.download("/outcomes.csv?area=" + AREA);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Table,Row,");
    assertThat(csv)
        .contains("Before and after entry (not an impact estimate),Harm (gravity-weighted),")
        .doesNotContain("Fakeperson");
    assertThat(csv.lines()).hasSize(1 + 3 + 3 + 6 + 24 + 5);
  }

  @Test
  void a_coordinator_sees_the_areas_measures_each_defined_beside_it() {
    browser =
        Browser.open(RunningStack.stack().url(LocalStack.Service.CONSOLE))
            .signInAs("coordinator-outcomes", "MATAC coordinator", "HART_COUNCIL", "Hart");
    browser.follow("Partnership measures");
    new Select(browser.find(By.id("area"))).selectByVisibleText("Hart");
    browser.press("Show the measures");

    List<WebElement> rows = browser.findAll(By.cssSelector("#measures tbody tr"));
    assertThat(rows).hasSize(7 + 5);
    WebElement incidents = rows.get(0);
    assertThat(incidents.getText()).startsWith("DA incidents").contains("Incidents in the area");
    List<WebElement> cells = incidents.findElements(By.tagName("td"));
    assertThat(cells.get(0).getText()).as("the twelve months").isEqualTo(String.valueOf(MEASURED));
    assertThat(cells.get(1).getText()).as("last month").isEqualTo(String.valueOf(MEASURED));
    assertThat(browser.findAll(By.cssSelector("#referral-funnel .govuk-summary-list__row")))
        .as("six stages and two waits")
        .hasSize(6 + 2);
    assertThat(browser.findAll(By.cssSelector("#incidents-by-month rect"))).hasSize(12);
    assertThat(browser.findAll(By.cssSelector("#funnel rect"))).hasSize(6);
    assertThat(browser.findAll(By.cssSelector("#notice-times .govuk-summary-list__row")))
        .as("urgent and other notices")
        .hasSize(2);
    assertThat(browser.text()).doesNotContain("Fakeperson");
    browser.checkPage("coordinator-partnership-measures");
    browser.screenshotOf(By.id("main-content"), "coordinator-partnership-measures-table");
    browser.screenshotOf(By.id("main-content"), "coordinator-partnership-measures-narrow", 320);

    String csv = browser.download("/measures.csv?area=" + AREA);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Measure,Unit,");
    assertThat(csv.lines())
        .as("the measures, the funnel's stages and waits, the two kinds of notice")
        .hasSize(1 + 12 + 6 + 2 + 2);
  }
}
