package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The analyst's evidence page in a real browser: how concentrated harm was in an area over the last
 * months, as figures about groups, a Lorenz curve and the table behind it.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceJourneyTest {

  private static final String AREA = "RUSHMOOR";

  private final Api api = new Api();
  private Browser browser;

  /** Twelve people with an incident in the area a month ago: ten assaults, a GBH and an ABH. */
  @BeforeAll
  void twelvePeopleHarmedInTheArea() throws Exception {
    String police = RunningStack.partner("HAMPSHIRE_POLICE");
    Instant monthAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));
    List<String> offences =
        List.of(
            "GBH",
            "ABH",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT",
            "COMMON_ASSAULT");
    for (int i = 0; i < offences.size(); i++) {
      api.send(
          police,
          Envelopes.incident()
              .withArea(AREA)
              .named("Harmful" + i, "Fakeperson-Evidence")
              .withOffence(offences.get(i))
              .occurredAt(monthAgo.toString())
              .recordedAt(monthAgo.plus(Duration.ofHours(2)).toString())
              .json());
    }
    String period =
        "&from=" + monthAgo.minus(Duration.ofDays(1)) + "&to=" + Instant.now().plusSeconds(60);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(
                            LocalStack.Service.SCORING,
                            "/api/v1/reports/harm-concentration?area=" + AREA + period,
                            analyst())
                        .path("people")
                        .asInt()
                    >= offences.size());
  }

  private static String analyst() {
    return RunningStack.token("analyst-evidence", "ANALYST", "HAMPSHIRE_POLICE", List.of());
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void an_analyst_sees_how_much_of_an_areas_harm_the_highest_harm_people_caused() {
    browser =
        Browser.open(RunningStack.stack().url(LocalStack.Service.CONSOLE))
            .signInAs("analyst-evidence", "Analyst", "HAMPSHIRE_POLICE");
    browser.follow("Harm concentration");
    new Select(browser.find(By.id("area"))).selectByVisibleText("Rushmoor");
    browser.choose("Last 3 months").press("Show the figures");

    assertThat(browser.find(By.id("highest-harm")).getText())
        .contains("Highest-harm 1%", "Highest-harm 10%");
    assertThat(browser.find(By.id("lorenz-summary")).getText())
        .startsWith("The lowest-harm half of people caused");
    assertThat(browser.findAll(By.cssSelector("#lorenz-table tbody tr"))).hasSize(10);
    assertThat(browser.findAll(By.cssSelector("#highest-harm-pairs tbody tr")))
        .as("the same four groups, of perpetrator and victim pairs")
        .hasSize(4);
    assertThat(browser.text()).doesNotContain("Fakeperson-Evidence");
    browser.checkPage("analyst-harm-concentration");
    browser.screenshotOf(By.id("main-content"), "analyst-harm-concentration-figures");
    browser.screenshotOf(By.id("main-content"), "analyst-harm-concentration-narrow", 320);

    String csv = browser.download("/harm.csv?area=" + AREA + "&months=3");
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("Table,Group,People,Share of all harm,With no earlier incident");
    assertThat(csv).contains("Highest-harm groups,Highest-harm 10%,").doesNotContain("Fakeperson");
    assertThat(csv.lines()).hasSize(1 + 4 + 10);
  }
}
