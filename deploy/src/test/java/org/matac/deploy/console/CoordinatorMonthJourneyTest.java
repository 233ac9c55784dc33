package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
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

/**
 * A MATAC coordinator's month in a real browser: the area's ranked list, a subject profile that
 * explains the score, a tasking cycle started, decided with named reasons and published (refused
 * first while people are undecided), an action plan, the meeting pack printed and exported, the
 * next cycle's review worked with the keyboard alone, and a discharge with entry and exit score.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorMonthJourneyTest {

  private static final String AREA = "FAREHAM";
  private static final String COORDINATOR = "coordinator-fareham";
  private static final LocalDate MEETING = LocalDate.now(ZoneOffset.UTC);

  private final Api api = new Api();
  private final Instant recently = Instant.now().minus(Duration.ofDays(10));
  private final Envelopes.Incident highFirst =
      incident("Highrank", "Fakeperson-Journey", "ABH", recently.minus(Duration.ofDays(30)));
  private final Envelopes.Incident mediumFirst =
      incident(
          "Middling", "Fakeperson-Journey", "COMMON_ASSAULT", recently.minus(Duration.ofDays(20)));
  private final Envelopes.Incident low =
      incident("Lowly", "Fakeperson-Journey", "CRIMINAL_DAMAGE", recently);
  private Browser browser;

  private static Envelopes.Incident incident(
      String given, String family, String offence, Instant at) {
    return Envelopes.incident()
        .withArea(AREA)
        .named(given, family)
        .withOffence(offence)
        .occurredAt(at.toString())
        .recordedAt(at.plusSeconds(3600).toString());
  }

  private static Envelopes.Incident again(Envelopes.Incident first, String offence, String victim) {
    return incident(
            first.givenName, first.familyName, offence, Instant.now().minus(Duration.ofDays(10)))
        .withPerson(first.sourcePersonId)
        .withVictim(victim);
  }

  @BeforeAll
  void threePeopleWithIncidentsInTheArea() {
    String police = RunningStack.partner("HAMPSHIRE_POLICE");
    api.send(police, highFirst.json());
    api.send(police, again(highFirst, "ABH", "V-FAREHAM-HIGH-2").json());
    api.send(police, mediumFirst.json());
    api.send(police, again(mediumFirst, "COMMON_ASSAULT", mediumFirst.victimRef).json());
    api.send(police, low.json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(LocalStack.Service.SCORING, "/api/v1/rankings?area=" + AREA, coordinator())
                        .path("entries")
                        .size()
                    == 3);
  }

  private static String coordinator() {
    return RunningStack.token(COORDINATOR, "MATAC_COORDINATOR", "FAREHAM_COUNCIL", List.of(AREA));
  }

  private static String console() {
    return RunningStack.stack().url(LocalStack.Service.CONSOLE);
  }

  private Browser signedIn() {
    browser = Browser.open(console());
    return browser.signInAs(COORDINATOR, "MATAC coordinator", "FAREHAM_COUNCIL", "Fareham");
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void the_start_page_is_the_areas_ranked_list_with_scores_flags_and_movement() {
    signedIn();

    assertThat(browser.path()).isEqualTo("/rankings");
    assertThat(browser.heading()).isEqualTo("Ranked list for Fareham");
    List<String> rows =
        browser.findAll(By.cssSelector("#ranking tbody tr")).stream()
            .map(row -> row.getText())
            .toList();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .contains("Highrank Fakeperson-Journey")
        .contains("Serial")
        .contains("New");
    assertThat(rows.get(2)).contains("Lowly Fakeperson-Journey").contains("Not a member");
    browser.checkPage("coordinator-rankings");
  }

  @Test
  @Order(2)
  void a_subject_profile_explains_the_score_with_its_history_and_the_incidents_behind_it() {
    signedIn().follow("Highrank Fakeperson-Journey");

    assertThat(browser.heading()).isEqualTo("Highrank Fakeperson-Journey");
    String components = browser.find(By.id("components")).getText();
    assertThat(components).contains("Gravity 4 twice 8").contains("Total");
    assertThat(browser.find(By.id("evidence")).getText()).contains("ABH");
    assertThat(browser.findAll(By.cssSelector("svg.app-chart circle"))).isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#timeline > li"))).hasSize(2);
    browser.checkPage("coordinator-subject-profile");
  }

  @Test
  @Order(3)
  void publishing_is_refused_while_people_are_undecided_and_names_them() {
    signedIn().follow("Tasking cycles");
    browser.checkPage("coordinator-cycles");
    browser
        .type("cycleDate", String.valueOf(MEETING.getDayOfMonth()))
        .type("cycleDate-month", String.valueOf(MEETING.getMonthValue()))
        .type("cycleDate-year", String.valueOf(MEETING.getYear()))
        .press("Start the cycle");
    assertThat(browser.heading()).startsWith("Tasking cycle");
    assertThat(browser.text()).contains("2 entries still need a decision.");

    browser.press("Publish the list");

    assertThat(browser.find(By.className("govuk-error-summary")).getText())
        .contains("Decide whether Highrank Fakeperson-Journey stays on the list")
        .contains("Decide whether Middling Fakeperson-Journey stays on the list");
    browser.checkPage("coordinator-publish-refused");
  }

  @Test
  @Order(4)
  void each_entry_is_decided_with_a_named_reason_and_an_approved_person_gets_a_plan() {
    signedIn()
        .follow("Tasking cycles")
        .follow(MEETING.getDayOfMonth() + " " + month() + " " + MEETING.getYear());

    browser.follow("Highrank Fakeperson-Journey");
    browser.press("Record the decision");
    assertThat(browser.text()).contains("Select approve or reject").contains("Enter the reason");
    browser.checkPage("coordinator-decision-error");
    browser
        .choose("Approve: keep them on the list")
        .type("reason", "Two victims in three months")
        .press("Record the decision");
    assertThat(browser.text()).contains("Approved by " + COORDINATOR);
    browser
        .type("description", "Check bail conditions weekly")
        .type("agency", "HAMPSHIRE_POLICE")
        .type("owner", "PC Testy Fakeofficer")
        .type("dueDate", MEETING.minusDays(1).toString())
        .press("Agree the action");
    assertThat(browser.find(By.id("actions-table")).getText())
        .contains("Check bail conditions weekly")
        .contains("Overdue");
    browser.checkPage("coordinator-entry-with-plan");

    browser.follow("Back to the cycle").follow("Middling Fakeperson-Journey");
    browser
        .choose("Reject: take them off the list")
        .type("reason", "In custody until next year")
        .press("Record the decision");
    assertThat(browser.text()).contains("Rejected by " + COORDINATOR);
  }

  @Test
  @Order(5)
  void a_person_below_the_list_is_added_by_hand_and_the_list_is_published() {
    signedIn()
        .follow("Tasking cycles")
        .follow(MEETING.getDayOfMonth() + " " + month() + " " + MEETING.getYear());
    browser.follow("Add a person to this cycle");
    browser.checkPage("coordinator-add-person");
    browser
        .tick("perpetratorId")
        .type("reason", "New intelligence from probation")
        .press("Add to the cycle");
    browser.follow("Lowly Fakeperson-Journey");
    browser
        .choose("Approve: keep them on the list")
        .type("reason", "Probation intelligence")
        .press("Record the decision");
    browser.follow("Back to the cycle");

    browser.press("Publish the list");

    assertThat(browser.find(By.cssSelector("main .govuk-tag")).getText()).isEqualTo("Published");
    browser.checkPage("coordinator-cycle-published");
  }

  @Test
  @Order(6)
  void the_meeting_pack_prints_the_tasked_people_and_exports_them_as_csv() {
    signedIn()
        .follow("Tasking cycles")
        .follow(MEETING.getDayOfMonth() + " " + month() + " " + MEETING.getYear());
    String csvPath = browser.find(By.partialLinkText("spreadsheet")).getAttribute("href");

    browser.follow("Meeting pack (to print)");

    assertThat(browser.text())
        .contains("Highrank Fakeperson-Journey")
        .contains("Check bail conditions weekly")
        .contains("Lowly Fakeperson-Journey")
        .doesNotContain("Middling Fakeperson-Journey");
    browser.checkPage("coordinator-meeting-pack");
    String csv = api.text(csvPath, coordinator());
    assertThat(csv.lines().findFirst())
        .contains(
            "Rank,Name,Score,Entry,Decision,Decision reason,Decided by,Action,Tactic,Agency,Owner,"
                + "Due,Status");
    assertThat(csv.lines().filter(line -> line.contains("Highrank Fakeperson-Journey")))
        .singleElement()
        .asString()
        .contains("Check bail conditions weekly,SUPPORT,HAMPSHIRE_POLICE,PC Testy Fakeofficer");
  }

  @Test
  @Order(7)
  void the_ranked_list_then_shows_who_is_a_member_and_how_they_moved() {
    signedIn();

    String first = browser.find(By.cssSelector("#ranking tbody tr")).getText();
    assertThat(first)
        .contains("Highrank Fakeperson-Journey")
        .contains("No change")
        .contains("Member");
  }

  @Test
  @Order(8)
  void the_next_cycle_reviews_a_member_and_can_be_worked_with_the_keyboard_alone() {
    signedIn();
    LocalDate next = MEETING.plusDays(28);

    browser.keyboard().tabTo("Tasking cycles").enter();
    browser
        .keyboard()
        .tabTo("Day")
        .type(String.valueOf(next.getDayOfMonth()))
        .tab()
        .type(String.valueOf(next.getMonthValue()))
        .tab()
        .type(String.valueOf(next.getYear()))
        .tabTo("Start the cycle")
        .enter();
    assertThat(browser.heading()).startsWith("Tasking cycle");
    browser.keyboard().tabTo("Highrank Fakeperson-Journey").enter();
    assertThat(browser.text())
        .contains("Already in MATAC")
        .contains("Check bail conditions weekly");
    browser
        .keyboard()
        .tabTo("Approve: keep them on the list")
        .space()
        .tabTo("Reason")
        .type("Plan still running")
        .tabTo("Record the decision")
        .enter();

    assertThat(browser.text()).contains("Approved by " + COORDINATOR);
    browser.checkPage("coordinator-review-by-keyboard");
  }

  @Test
  @Order(9)
  void discharge_records_the_reason_with_the_entry_and_exit_scores() {
    signedIn().follow("Highrank Fakeperson-Journey");
    assertThat(browser.text()).contains("Member in Fareham");

    browser.press("Discharge from MATAC");
    assertThat(browser.text()).contains("Enter the reason for discharge");
    browser.type("reason", "Risk reduced after the plan").press("Discharge from MATAC");

    assertThat(browser.heading())
        .isEqualTo("Highrank Fakeperson-Journey was discharged from MATAC");
    assertThat(browser.text()).containsPattern("Entry score \\d+, exit score \\d+");
    browser.checkPage("coordinator-discharged");
  }

  private static String month() {
    return MEETING.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
  }
}
