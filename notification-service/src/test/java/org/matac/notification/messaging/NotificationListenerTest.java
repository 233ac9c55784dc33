package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.notification.NotificationServiceTestBase;
import org.matac.notification.application.WatchingOrders;
import org.matac.notification.persistence.LinkStore;
import org.matac.testing.Profiles;

@MicronautTest(transactional = false)
class NotificationListenerTest extends NotificationServiceTestBase {

  private JsonNode inboxOf(String workerId) throws Exception {
    var response = exchange(HttpRequest.GET("/api/v1/inbox").bearerAuth(workerToken(workerId)));
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(response.getBody(String.class).orElseThrow()).path("items");
  }

  private JsonNode caseloadOf(String workerId) throws Exception {
    var response = exchange(HttpRequest.GET("/api/v1/caseload").bearerAuth(workerToken(workerId)));
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(response.getBody(String.class).orElseThrow()).path("items");
  }

  @Inject WatchingOrders watchingOrders;

  /** The kinds of notice in the worker's inbox once {@code count} have arrived. */
  private List<String> kindsOnceThereAre(LinkedWorker scenario, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() >= count);
    try {
      return inboxOf(scenario.workerId).findValuesAsText("kind");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode noticeOfKind(LinkedWorker scenario, String kind) throws Exception {
    for (JsonNode item : inboxOf(scenario.workerId)) {
      if (item.path("kind").asText().equals(kind)) {
        return item;
      }
    }
    throw new AssertionError("No " + kind + " notice");
  }

  private LinkedWorker newScenario() {
    return new LinkedWorker(
        topics,
        json,
        workerId -> {
          try {
            return caseloadOf(workerId).size();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Nested
  class AnIncidentAgainstALinkedWorkersVictim {

    @Test
    void reaches_that_workers_inbox_once_however_often_it_is_delivered() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      String incident = scenario.incident("44/51/26");

      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, incident);
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, incident);
      // Same key, so once this later fact shows, both deliveries above were processed.
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/52/26"));

      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 2);
      JsonNode inbox = inboxOf(scenario.workerId);
      assertThat(inbox.findValuesAsText("perpetratorId")).containsOnly(scenario.perpetratorId);
      assertThat(inbox.toString()).contains("Testy Fakeperson").doesNotContain("VICTIM-MARKER");
      assertThat(caseloadOf(scenario.workerId).get(0).path("perpetratorIds").get(0).asText())
          .isEqualTo(scenario.perpetratorId);
    }

    @Test
    void is_not_shown_to_another_worker() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/53/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 1);

      assertThat(inboxOf("idva-someone-else-" + UUID.randomUUID())).isEmpty();
    }
  }

  @Nested
  class AReleaseFromCustody {

    @Test
    void reaches_the_linked_worker_as_urgent_without_the_bail_conditions() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/61/26"));
      topics.send(
          Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.released("44/61/26", "CUS-61"));

      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 2);
      JsonNode release =
          StreamSupport.stream(inboxOf(scenario.workerId).spliterator(), false)
              .filter(item -> item.path("kind").asText().equals("RELEASED_OR_BAILED"))
              .findFirst()
              .orElseThrow();
      assertThat(release.path("urgent").asBoolean()).isTrue();
      assertThat(inboxOf(scenario.workerId).toString()).doesNotContain("VICTIM-MARKER");
    }
  }

  @Nested
  class ARecordAboutALinkedPerpetrator {

    @Test
    void an_order_breach_is_urgent() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();

      topics.send(
          Topics.PROFILE_CHANGED,
          scenario.perpetratorId,
          scenario.withRecord(
              "44/71/26", "ORDER_BREACHED", "BR-71", Map.of("orderRef", "DVPO-71")));

      assertThat(kindsOnceThereAre(scenario, 1)).containsExactly("ORDER_BREACHED");
      assertThat(noticeOfKind(scenario, "ORDER_BREACHED").path("urgent").asBoolean()).isTrue();
    }

    @Test
    void an_order_issued_is_told_and_again_when_it_is_about_to_end() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      String endsInThreeDays = Instant.now().plus(Duration.ofDays(3)).toString();

      topics.send(
          Topics.PROFILE_CHANGED,
          scenario.perpetratorId,
          scenario.withRecord(
              "44/72/26",
              "PROTECTIVE_ORDER_ISSUED",
              "DVPO-72",
              Map.of(
                  "orderRef", "DVPO-72",
                  "orderType", "DVPO",
                  "protectedVictimRef", scenario.victimRef,
                  "validFrom", "2026-10-06T09:00:00Z",
                  "validUntil", endsInThreeDays)));

      assertThat(kindsOnceThereAre(scenario, 1)).containsExactly("ORDER_ISSUED");
      watchingOrders.check();
      watchingOrders.check();

      assertThat(inboxOf(scenario.workerId).findValuesAsText("kind"))
          .containsOnlyOnce("ORDER_EXPIRING");
      assertThat(inboxOf(scenario.workerId).toString()).doesNotContain("VICTIM-MARKER");
    }

    @Test
    void an_order_ending_in_a_month_is_not_yet_news() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();

      topics.send(
          Topics.PROFILE_CHANGED,
          scenario.perpetratorId,
          scenario.withRecord(
              "44/73/26",
              "PROTECTIVE_ORDER_ISSUED",
              "DVPO-73",
              Map.of(
                  "orderType",
                  "DVPO",
                  "validUntil",
                  Instant.now().plus(Duration.ofDays(30)).toString())));
      assertThat(kindsOnceThereAre(scenario, 1)).containsExactly("ORDER_ISSUED");

      watchingOrders.check();

      assertThat(inboxOf(scenario.workerId).findValuesAsText("kind"))
          .doesNotContain("ORDER_EXPIRING");
    }

    @Test
    void dropping_out_of_a_programme_is_told_and_other_statuses_are_not() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();

      topics.send(
          Topics.PROFILE_CHANGED,
          scenario.perpetratorId,
          scenario.withRecord(
              "44/75/26",
              "INTERVENTION_STATUS_CHANGED",
              "INT-75",
              Map.of("programme", "DVPP", "status", "DROPPED_OUT")));

      assertThat(kindsOnceThereAre(scenario, 1)).containsExactly("INTERVENTION_ENDED");
    }
  }

  @Nested
  class AWorkerAssignedAfterTheIncident {

    @Inject LinkStore links;
    @Inject TransactionOperations<Connection> transactions;

    private boolean perpetratorLinkedToAVictim(String perpetratorId) {
      return transactions.executeRead(
          status -> !links.victimsOf(UUID.fromString(perpetratorId)).isEmpty());
    }

    @Test
    void is_linked_to_the_perpetrator_and_hears_what_happens_next() throws Exception {
      LinkedWorker scenario = newScenario();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/95/26"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> perpetratorLinkedToAVictim(scenario.perpetratorId));

      scenario.assignWorker();

      assertThat(caseloadOf(scenario.workerId).get(0).path("perpetratorIds").toString())
          .contains(scenario.perpetratorId);
      topics.send(
          Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.released("44/95/26", "CUS-95"));
      assertThat(kindsOnceThereAre(scenario, 1)).containsExactly("RELEASED_OR_BAILED");
    }
  }

  @Nested
  class AMerge {

    @Test
    void keeps_the_worker_linked_when_their_perpetrator_is_folded_into_another_profile()
        throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/91/26"));
      kindsOnceThereAre(scenario, 1);
      String survivor = UUID.randomUUID().toString();
      Profiles merged =
          Profiles.of(survivor)
              .version(7)
              .incident(
                  Profiles.anIncident("44/91/26")
                      .recordedAt(Instant.parse("2026-10-02T08:30:00Z"))
                      .against(scenario.victimRef))
              .incident(
                  Profiles.anIncident("CS-92")
                      .from("SOUTHAMPTON_CHILDRENS_SERVICES")
                      .at(Instant.parse("2026-10-09T21:00:00Z"))
                      .recordedAt(Instant.parse("2026-10-10T08:00:00Z"))
                      .notCrimed()
                      .against("VICTIM-MARKER-OTHER", "FAMILY")
                      .childrenPresent())
              .changes(
                  new ProfileChanged.Change(
                      ProfileChanged.ChangeKind.PROFILES_MERGED, null, scenario.perpetratorId),
                  new ProfileChanged.Change(
                      ProfileChanged.ChangeKind.INCIDENT_RECORDED,
                      "SOUTHAMPTON_CHILDRENS_SERVICES",
                      "CS-92"));

      topics.send(Topics.PROFILE_CHANGED, survivor, merged.json(json));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  inboxOf(scenario.workerId).findValuesAsText("perpetratorId").contains(survivor));
      JsonNode caseload = caseloadOf(scenario.workerId);
      assertThat(caseload.get(0).path("perpetratorIds").toString())
          .contains(survivor)
          .doesNotContain(scenario.perpetratorId);
      assertThat(inboxOf(scenario.workerId).toString()).doesNotContain("VICTIM-MARKER");
    }
  }

  @Nested
  class AFlagNewlySet {

    @Test
    void serial_tells_the_linked_worker_once() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/81/26"));
      kindsOnceThereAre(scenario, 1);

      for (int i = 0; i < 3; i++) {
        topics.send(
            Topics.SCORE_CHANGED,
            scenario.perpetratorId,
            json.writeValueAsString(
                new ScoreChanged(
                    UUID.randomUUID(),
                    scenario.perpetratorId,
                    "rfgv-1",
                    Instant.parse("2026-10-07T00:00:00Z").plusSeconds(i),
                    5,
                    2,
                    BigDecimal.valueOf(38),
                    2,
                    3,
                    19,
                    null,
                    // The third message also sets escalating: once it is told, all three were read.
                    new ScoreChanged.Flags(true, false, i == 2),
                    UUID.randomUUID())));
      }

      assertThat(kindsOnceThereAre(scenario, 3))
          .containsOnlyOnce("SERIAL_FLAG_SET")
          .containsOnlyOnce("ESCALATING_FLAG_SET");
    }
  }

  @Nested
  class ATaskingListPublished {

    @Test
    void tells_the_linked_worker_their_perpetrator_was_tasked() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/81/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 1);

      topics.send(
          Topics.TASKING_LIST_PUBLISHED,
          scenario.perpetratorId,
          json.writeValueAsString(
              new TaskingListPublished(
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  "SOUTHAMPTON",
                  LocalDate.parse("2026-12-01"),
                  Instant.parse("2026-12-01T15:00:00Z"),
                  "coordinator-1",
                  "rfgv-1",
                  scenario.perpetratorId,
                  "PROPOSED",
                  1,
                  20,
                  1)));

      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 2);
      assertThat(inboxOf(scenario.workerId).findValuesAsText("kind")).contains("MATAC_TASKED");
    }
  }

  @Nested
  class AnUnassignedWorker {

    @Test
    void hears_nothing_more_about_the_perpetrator() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/71/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 1);

      scenario.unassignWorker();
      // A second worker on the same victim proves the later incident was processed.
      LinkedWorker colleague = newScenario();
      String colleagueId = colleague.workerId;
      topics.send(
          Topics.SAFETY_WORKER_ASSIGNED,
          scenario.perpetratorId,
          json.writeValueAsString(
              new SafetyWorkerAssigned(
                  UUID.randomUUID(),
                  scenario.perpetratorId,
                  UUID.randomUUID(),
                  "HAMPSHIRE_POLICE",
                  scenario.victimRef,
                  colleagueId,
                  "SOUTHAMPTON_IDVA",
                  Instant.parse("2026-10-05T11:00:00Z"))));
      await().atMost(Duration.ofSeconds(30)).until(() -> caseloadOf(colleagueId).size() == 1);
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/72/26"));

      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(colleagueId).size() == 1);
      assertThat(inboxOf(scenario.workerId)).hasSize(1);
    }
  }

  @Nested
  class APersonDisposedOfInTracking {

    @Test
    void leaves_no_notice_or_link_and_a_later_message_about_them_is_neither_kept_nor_told()
        throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/81/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 1);

      topics.send(
          Topics.PERPETRATOR_DISPOSED,
          scenario.perpetratorId,
          json.writeValueAsString(
              new PerpetratorDisposed(
                  UUID.randomUUID(),
                  scenario.perpetratorId,
                  List.of(scenario.perpetratorId),
                  Instant.now())));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).isEmpty());
      assertThat(caseloadOf(scenario.workerId)).isEmpty();

      // Published before the disposal, read after it: the same key keeps them in order, so once
      // the other worker hears of their perpetrator, the late incident was handled.
      LinkedWorker other = newScenario();
      other.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/82/26"));
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, other.incident("44/83/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(other.workerId).size() == 1);

      assertThat(inboxOf(scenario.workerId)).isEmpty();
      assertThat(
              countOf(
                  "SELECT count(*) FROM perpetrator_victim WHERE perpetrator_id = ?::uuid",
                  scenario.perpetratorId))
          .isZero();
    }
  }

  @Nested
  class Acknowledging {

    @Test
    void marks_the_workers_own_notification_and_refuses_anyone_elses() throws Exception {
      LinkedWorker scenario = newScenario();
      scenario.assignWorker();
      topics.send(Topics.PROFILE_CHANGED, scenario.perpetratorId, scenario.incident("44/54/26"));
      await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(scenario.workerId).size() == 1);
      String id = inboxOf(scenario.workerId).get(0).path("id").asText();
      String path = "/api/v1/notifications/" + id + "/acknowledge";

      var byAnother = exchange(HttpRequest.POST(path, "").bearerAuth(workerToken("idva-other")));
      var byOwner = exchange(HttpRequest.POST(path, "").bearerAuth(workerToken(scenario.workerId)));

      assertThat(byAnother.code()).isEqualTo(404);
      assertThat(byOwner.code()).isEqualTo(204);
      assertThat(inboxOf(scenario.workerId).get(0).path("acknowledgedAt").isNull()).isFalse();
    }
  }

  @Nested
  class TheInbox {

    @Test
    void is_only_for_victim_safety_workers() {
      String analyst =
          infrastructure.token("a-1", List.of("ANALYST"), "HAMPSHIRE_POLICE", List.of());

      assertThat(exchange(HttpRequest.GET("/api/v1/inbox").bearerAuth(analyst)).code())
          .isEqualTo(403);
    }
  }
}
