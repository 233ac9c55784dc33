package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;

/** E-mail through a real SMTP server running in the test. */
@MicronautTest(transactional = false)
class EmailChannelTest extends NotificationServiceTestBase {

  private GreenMail smtp;

  @Override
  public Map<String, String> getProperties() {
    int port = SmtpSettings.freePort();
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return SmtpSettings.pointingAt(super.getProperties(), port);
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  private JsonNode inboxOf(String workerId) throws Exception {
    return json.readTree(body(get("/api/v1/inbox", workerToken(workerId)))).path("items");
  }

  private LinkedWorker linkedWorkerWithEmail() throws Exception {
    LinkedWorker worker = linkedWorker();
    assertThat(exchange(worker.directoryEntry(adminOf(worker.agency))).code()).isEqualTo(200);
    return worker;
  }

  /** Linked, with an address only the feed could have given: none in the directory. */
  private LinkedWorker linkedWorker() throws Exception {
    LinkedWorker worker =
        new LinkedWorker(topics, json, this::caseloadSize)
            .withEmail("idva-" + UUID.randomUUID() + "@example.invalid");
    worker.assignWorker();
    return worker;
  }

  private String adminOf(String agency) {
    return token("admin-" + agency, "ADMIN", agency);
  }

  private JsonNode deliveriesOf(String notification, String workerId) throws Exception {
    return json.readTree(
            body(
                get(
                    "/api/v1/notifications/" + notification + "/deliveries",
                    workerToken(workerId))))
        .path("items");
  }

  private int caseloadSize(String workerId) {
    try {
      return json.readTree(body(get("/api/v1/caseload", workerToken(workerId))))
          .path("items")
          .size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> GreenMailUtil.getAddressList(safely(message)).contains(address))
        .toList();
  }

  private static Address[] safely(MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  class ANotice {

    @Test
    void reaches_the_workers_mailbox_without_victim_details_and_shows_as_sent() throws Exception {
      LinkedWorker worker = linkedWorkerWithEmail();

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/E1/26"));

      await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(worker.email).size() == 1);
      MimeMessage mail = mailTo(worker.email).get(0);
      String text = GreenMailUtil.getBody(mail);
      assertThat(mail.getSubject()).contains("Testy Fakeperson");
      assertThat(mail.getSubject() + text).doesNotContain("VICTIM-MARKER");
      String notification = inboxOf(worker.workerId).get(0).path("id").asText();
      assertThat(text).contains("/notifications/" + notification);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  json.readTree(
                          body(
                              get(
                                  "/api/v1/notifications/" + notification + "/deliveries",
                                  workerToken(worker.workerId))))
                      .path("items")
                      .findValuesAsText("status")
                      .containsAll(List.of("DELIVERED", "SENT")));
    }

    @Test
    void sent_by_email_is_audited_as_a_disclosure_to_the_address() throws Exception {
      LinkedWorker worker = linkedWorkerWithEmail();

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/E2/26"));

      await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(worker.email).size() == 1);
      String notification = inboxOf(worker.workerId).get(0).path("id").asText();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  countOf(
                          "SELECT count(*) FROM audit_event WHERE action = 'DISCLOSURE'"
                              + " AND recipient = ? AND purpose LIKE ?",
                          "EMAIL " + worker.email,
                          "notification " + notification + " sent by EMAIL%")
                      == 1);
    }
  }

  @Nested
  class AWorkerNotInTheirAgencysDirectory {

    @Test
    void hears_in_the_inbox_only_and_gets_no_email() throws Exception {
      LinkedWorker worker = linkedWorker();

      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/D1/26"));

      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(worker.workerId).size() == 1);
      String notification = inboxOf(worker.workerId).get(0).path("id").asText();
      assertThat(deliveriesOf(notification, worker.workerId).findValuesAsText("channel"))
          .doesNotContain("EMAIL");
      assertThat(mailTo(worker.email)).isEmpty();
    }
  }

  @Nested
  class QuietHours {

    @Test
    void hold_an_ordinary_notice_but_let_an_urgent_one_through() throws Exception {
      LinkedWorker worker = linkedWorkerWithEmail();
      LocalTime now = LocalTime.now(ZoneOffset.UTC);
      var saved =
          exchange(
              HttpRequest.PUT(
                      "/api/v1/preferences",
                      "{\"email\":true,\"quietFrom\":\""
                          + now.minusHours(1).withNano(0).withSecond(0)
                          + "\",\"quietUntil\":\""
                          + now.plusHours(1).withNano(0).withSecond(0)
                          + "\",\"timeZone\":\"UTC\"}")
                  .bearerAuth(workerToken(worker.workerId)));
      assertThat(saved.code()).isEqualTo(200);

      // The first incident is against a new victim: urgent, so it goes out at once.
      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/Q1/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(worker.email).size() == 1);
      // The second is against the same victim: ordinary, so it waits for the morning.
      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/Q2/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(worker.workerId).size() == 2);
      String held = inboxOf(worker.workerId).get(0).path("id").asText();

      JsonNode deliveries =
          json.readTree(
                  body(
                      get(
                          "/api/v1/notifications/" + held + "/deliveries",
                          workerToken(worker.workerId))))
              .path("items");
      JsonNode email =
          deliveries.get(0).path("channel").asText().equals("EMAIL")
              ? deliveries.get(0)
              : deliveries.get(1);
      assertThat(email.path("status").asText()).isEqualTo("PENDING");
      assertThat(email.path("dueAt").asText()).isNotBlank();
      assertThat(mailTo(worker.email)).hasSize(1);
    }
  }

  @Test
  void preferences_with_one_end_of_the_quiet_hours_are_refused_naming_it() throws Exception {
    var refused =
        exchange(
            HttpRequest.PUT("/api/v1/preferences", "{\"quietFrom\":\"22:00\"}")
                .bearerAuth(workerToken("idva-" + UUID.randomUUID())));

    assertThat(refused.code()).isEqualTo(400);
    assertThat(json.readTree(body(refused)).path("errors").findValuesAsText("field"))
        .containsExactly("quietUntil");
  }
}
