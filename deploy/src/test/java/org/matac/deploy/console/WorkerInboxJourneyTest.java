package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
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
 * A victim-safety worker's inbox in a real browser: an IDVA service links the worker to a victim,
 * the police report an incident against that victim, and the worker signs in, finds it first and
 * marked urgent, opens it from the e-mail's link, and acknowledges it, with JavaScript and without.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerInboxJourneyTest {

  private static final String VICTIM_ADDRESS_MARKER = "MARKER-INBOX-ADDRESS";

  private final String workerId = "idva-worker-inbox-journey";
  private final Envelopes.Incident incident =
      Envelopes.incident().withVictim("V-INBOX-1").withVictimAddress(VICTIM_ADDRESS_MARKER);
  private final Api api = new Api();
  private String notificationLink;

  @BeforeAll
  void anIncidentAgainstTheWorkersVictim() {
    api.send(
        RunningStack.partner("SOUTHAMPTON_IDVA"),
        Envelopes.workerAssignment()
            .forVictim("V-INBOX-1")
            .forWorker(workerId)
            .aboutPerson(incident.sourcePersonId)
            .json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.items(LocalStack.Service.NOTIFICATION, "/api/v1/caseload", worker()).size()
                    == 1);
    api.send(RunningStack.partner("HAMPSHIRE_POLICE"), incident.json());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.items(LocalStack.Service.NOTIFICATION, "/api/v1/inbox", worker()).size() == 1);
    notificationLink =
        api.items(LocalStack.Service.NOTIFICATION, "/api/v1/inbox", worker())
            .get(0)
            .path("link")
            .asText();
  }

  private static String worker() {
    return RunningStack.token(
        "idva-worker-inbox-journey",
        "VICTIM_SAFETY_WORKER",
        "SOUTHAMPTON_IDVA",
        List.of("SOUTHAMPTON"));
  }

  private static String console() {
    return RunningStack.stack().url(LocalStack.Service.CONSOLE);
  }

  /** The steps of one working session, in the order a worker takes them. */
  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class WithJavaScript {

    private final Browser browser = Browser.open(console());

    @AfterEach
    void closeTheBrowser() {
      browser.close();
    }

    @Test
    @Order(1)
    void an_anonymous_visitor_is_sent_to_sign_in_and_lands_on_their_inbox() {
      browser.visit("/inbox");
      assertThat(browser.path()).isEqualTo("/sign-in");
      browser.checkPage("sign-in");

      browser.signInAs(workerId, "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");

      assertThat(browser.path()).isEqualTo("/inbox");
      assertThat(browser.heading()).isEqualTo("Your inbox");
      assertThat(browser.text()).contains("You have 1 unread notification.");
      assertThat(browser.find(By.cssSelector("#inbox tbody tr")).getText())
          .contains("Urgent")
          .contains("Unread");
      assertThat(browser.source()).doesNotContain(VICTIM_ADDRESS_MARKER);
      browser.checkPage("worker-inbox");
    }

    @Test
    @Order(2)
    void the_e_mail_link_opens_the_notification_and_it_can_be_acknowledged() {
      browser.signInAs(workerId, "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");

      browser.visit(notificationLink.substring(console().length()));

      assertThat(browser.heading()).startsWith("URGENT: new incident");
      assertThat(browser.text()).contains("Inbox").contains("Delivered");
      assertThat(browser.source())
          .doesNotContain(VICTIM_ADDRESS_MARKER)
          .doesNotContain("V-INBOX-1");
      browser.checkPage("worker-notification");

      browser.press("Acknowledge");

      assertThat(browser.text()).doesNotContain("Not yet");
      assertThat(browser.findAll(By.xpath("//button[normalize-space()='Acknowledge']"))).isEmpty();
    }
  }

  /** The worker's own settings and caseload, reached from the navigation. */
  @Nested
  class SettingsAndCaseload {

    @Test
    void the_caseload_lists_the_victim_the_worker_supports_without_their_details() {
      try (Browser browser = Browser.open(console())) {
        browser.signInAs(workerId, "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");
        browser.follow("Caseload");

        assertThat(browser.heading()).isEqualTo("Your caseload");
        assertThat(browser.source()).doesNotContain(VICTIM_ADDRESS_MARKER);
        browser.checkPage("worker-caseload");
      }
    }

    @Test
    void a_quiet_hour_that_is_not_a_time_is_refused_beside_the_field_then_saved() {
      try (Browser browser = Browser.open(console())) {
        browser.signInAs(workerId, "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");
        browser.follow("Notification settings");
        browser.type("quietFrom", "late").type("quietUntil", "07:00").press("Save settings");

        assertThat(browser.find(By.className("govuk-error-summary")).getText())
            .contains("Quiet hours start");
        browser.checkPage("worker-preferences-error");

        browser.type("quietFrom", "22:00").press("Save settings");

        assertThat(browser.text()).contains("Your settings were saved.");
        browser.checkPage("worker-preferences");
      }
    }
  }

  @Nested
  class WithoutJavaScript {

    @Test
    void the_link_needs_sign_in_first_and_the_inbox_still_works() {
      try (Browser browser = Browser.withoutJavaScript(console())) {
        browser.visit(notificationLink.substring(console().length()));
        assertThat(browser.path()).isEqualTo("/sign-in");

        browser.signInAs(workerId, "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");
        browser.follow("Inbox");

        assertThat(browser.heading()).isEqualTo("Your inbox");
        assertThat(browser.findAll(By.cssSelector("#inbox tbody tr"))).hasSize(1);
      }
    }
  }

  @Nested
  class ForSomeoneElse {

    @Test
    void another_workers_notification_is_not_found_and_says_what_to_do() {
      try (Browser browser = Browser.open(console())) {
        browser.signInAs(
            "idva-worker-other", "Victim safety worker", "SOUTHAMPTON_IDVA", "Southampton");

        browser.visit(notificationLink.substring(console().length()));

        assertThat(browser.heading()).isEqualTo("Page not found");
        assertThat(browser.text()).contains("go back to your start page");
        browser.checkPage("notification-of-someone-else");
      }
    }
  }
}
