package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * The analyst's and administrator's pages in a real browser: a candidate policy compared with the
 * active one for an area (who would enter and leave the top place, and why), the dead-letter desk
 * across the services with a replay, and the auditor's check of every service's audit chain.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightJourneyTest {

  private static final String AREA = "GOSPORT";
  private static final String CANDIDATE = "rfgv-journey-gravity-counts-more";

  private final Api api = new Api();
  private Browser browser;

  @BeforeAll
  void twoPeopleAPoisonedMessageAndACandidatePolicy() throws Exception {
    String police = RunningStack.partner("HAMPSHIRE_POLICE");
    // One grave offence against one victim, and three minor ones against three victims: the
    // second ranks first under rfgv-1, the first once gravity counts five times.
    api.send(
        police,
        Envelopes.incident()
            .withArea(AREA)
            .named("Gravest", "Fakeperson-Policy")
            .withOffence("GBH")
            .json());
    Envelopes.Incident many =
        Envelopes.incident()
            .withArea(AREA)
            .named("Manyvictims", "Fakeperson-Policy")
            .withOffence("HARASSMENT");
    api.send(police, many.json());
    for (String victim : List.of("V-GOSPORT-2", "V-GOSPORT-3")) {
      api.send(
          police,
          Envelopes.incident()
              .withArea(AREA)
              .withPerson(many.sourcePersonId)
              .named("Manyvictims", "Fakeperson-Policy")
              .withOffence("HARASSMENT")
              .withVictim(victim)
              .json());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api.get(LocalStack.Service.SCORING, "/api/v1/rankings?area=" + AREA, admin())
                        .path("entries")
                        .size()
                    == 2);

    ObjectMapper json = new ObjectMapper();
    ObjectNode policy =
        (ObjectNode)
            api.get(LocalStack.Service.SCORING, "/api/v1/policies", admin())
                .path("items")
                .get(0)
                .path("policy")
                .deepCopy();
    policy.put("id", CANDIDATE);
    ((ObjectNode) policy.path("weights")).put("gravity", 5).put("victims", 1);
    api.post(
        LocalStack.Service.SCORING, "/api/v1/policies", json.writeValueAsString(policy), admin());

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            RunningStack.stack().kafkaClient("HAMPSHIRE_POLICE"),
            new StringSerializer(),
            new StringSerializer())) {
      producer
          .send(new ProducerRecord<>("intake.police-events.v1", "journey", "not an envelope"))
          .get();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                api
                    .items(LocalStack.Service.TRACKING, "/api/v1/dead-letters?limit=1000", admin())
                    .stream()
                    .anyMatch(
                        letter ->
                            "intake.police-events.v1"
                                .equals(letter.path("originalTopic").asText())));
  }

  private static String admin() {
    return RunningStack.token("admin-journey", "ADMIN", "HAMPSHIRE_POLICE", List.of());
  }

  private static String console() {
    return RunningStack.stack().url(LocalStack.Service.CONSOLE);
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void an_analyst_sees_who_a_candidate_policy_would_bring_onto_the_list_and_why() {
    browser = Browser.open(console()).signInAs("analyst-journey", "Analyst", "HAMPSHIRE_POLICE");
    assertThat(browser.path()).startsWith("/analysis");
    new Select(browser.find(By.id("area"))).selectByVisibleText("Gosport");
    new Select(browser.find(By.id("policyB"))).selectByVisibleText(CANDIDATE);
    browser.type("limit", "1").press("Compare");

    assertThat(browser.find(By.id("entering")).getText()).contains("Gravest Fakeperson-Policy");
    assertThat(browser.find(By.id("leaving")).getText()).contains("Manyvictims Fakeperson-Policy");
    browser.checkPage("analyst-policy-comparison");
  }

  @Test
  void an_administrator_replays_a_dead_letter_from_the_desk() {
    browser = Browser.open(console()).signInAs("admin-journey", "Admin", "HAMPSHIRE_POLICE");
    assertThat(browser.path()).isEqualTo("/dead-letters");
    assertThat(browser.find(By.id("dead-letters")).getText()).contains("intake.police-events.v1");
    browser.checkPage("admin-dead-letters");

    browser.press("Replay the letter from intake.police-events.v1");

    assertThat(browser.find(By.id("dead-letters")).getText()).contains("Replayed by admin-journey");
  }

  @Test
  void an_agencys_administrator_keeps_its_workers_addresses_in_the_directory() {
    browser = Browser.open(console()).signInAs("admin-idva-journey", "Admin", "SOUTHAMPTON_IDVA");
    browser.follow("Worker directory");

    browser
        .type("workerId", "idva-journey-1")
        .type("email", "not an address")
        .press("Save the address");

    assertThat(browser.heading()).isEqualTo("Your agency's worker directory");
    assertThat(browser.find(By.className("govuk-error-summary")).getText())
        .contains("The e-mail address must be an e-mail address like name@agency.example");
    browser.checkPage("admin-worker-directory-error");

    browser.type("email", "idva-journey-1@idva.example.invalid").press("Save the address");

    assertThat(browser.find(By.id("directory")).getText())
        .contains("idva-journey-1")
        .contains("idva-journey-1@idva.example.invalid")
        .contains("admin-idva-journey");
    browser.checkPage("admin-worker-directory");

    browser.press("Remove idva-journey-1");

    assertThat(browser.text()).contains("idva-journey-1 was taken out of the directory");
  }

  @Test
  void an_auditor_sees_every_services_chain_checked() {
    browser = Browser.open(console()).signInAs("auditor-journey", "Auditor", "HAMPSHIRE_POLICE");

    assertThat(browser.path()).isEqualTo("/audit");
    assertThat(browser.find(By.id("chains")).getText())
        .contains("Tracking")
        .contains("Scoring")
        .contains("Notification")
        .contains("Intact");
    browser.checkPage("auditor-chains");
  }
}
