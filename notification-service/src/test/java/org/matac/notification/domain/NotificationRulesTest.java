package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

  private static final NotificationRules.Perpetrator PERPETRATOR =
      new NotificationRules.Perpetrator("p-1", "Testy", "Fakeperson");
  private static final VictimKey KNOWN = new VictimKey("HAMPSHIRE_POLICE", "VICTIM-MARKER-KNOWN");
  private static final VictimKey NEW = new VictimKey("HAMPSHIRE_POLICE", "VICTIM-MARKER-NEW");

  private static NotificationRules.NewIncident incidentAgainst(VictimKey... victims) {
    return new NotificationRules.NewIncident(
        "HAMPSHIRE_POLICE",
        "44/7/26",
        Instant.parse("2026-10-01T21:14:00Z"),
        "SOUTHAMPTON",
        Set.of(victims));
  }

  @Nested
  class ANewIncident {

    @Test
    void reaches_every_linked_worker_once_each() {
      var notices =
          NotificationRules.newIncident(
              PERPETRATOR,
              incidentAgainst(KNOWN),
              Set.of(KNOWN),
              List.of("w-2", "w-1"),
              History.none());

      assertThat(notices).extracting(Notice::workerId).containsExactly("w-1", "w-2");
      assertThat(notices)
          .extracting(Notice::factKey)
          .containsOnly("INCIDENT:HAMPSHIRE_POLICE:44/7/26");
    }

    @Test
    void is_urgent_when_it_is_against_a_victim_not_seen_before_with_this_perpetrator() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR,
                  incidentAgainst(KNOWN, NEW),
                  Set.of(KNOWN),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.urgent()).isTrue();
      assertThat(notice.title()).startsWith("URGENT");
    }

    @Test
    void is_not_urgent_when_every_victim_was_seen_before() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR,
                  incidentAgainst(KNOWN),
                  Set.of(KNOWN),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.urgent()).isFalse();
    }

    @Test
    void names_the_perpetrator_when_and_where_but_never_a_victim() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR,
                  incidentAgainst(KNOWN, NEW),
                  Set.of(KNOWN),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.title() + notice.body())
          .contains("Testy Fakeperson", "p-1", "SOUTHAMPTON", "2026-10-01T21:14:00Z")
          .doesNotContain("VICTIM-MARKER");
    }

    @Test
    void reaches_nobody_when_no_worker_is_linked() {
      assertThat(
              NotificationRules.newIncident(
                  PERPETRATOR, incidentAgainst(NEW), Set.of(), List.of(), History.none()))
          .isEmpty();
    }
  }

  private static NotificationRules.NewRecord record(String type, Map<String, Object> details) {
    return new NotificationRules.NewRecord(
        type, "HAMPSHIRE_POLICE", "REC-1", Instant.parse("2026-10-03T09:00:00Z"), null, details);
  }

  @Nested
  class AFactFromThePartnershipsHistory {

    private final History endingOnTheSecond =
        History.endingAt(Instant.parse("2026-10-02T00:00:00Z"));

    @Test
    void is_an_incident_that_happened_before_the_cut_off_and_tells_nobody() {
      assertThat(
              NotificationRules.newIncident(
                  PERPETRATOR, incidentAgainst(NEW), Set.of(), List.of("w-1"), endingOnTheSecond))
          .isEmpty();
    }

    @Test
    void is_not_a_release_after_the_cut_off_however_late_it_arrives() {
      assertThat(
              NotificationRules.newRecord(
                  PERPETRATOR,
                  record("CUSTODY_STATUS_CHANGED", Map.of("status", "RELEASED")),
                  List.of("w-1"),
                  endingOnTheSecond))
          .singleElement()
          .matches(Notice::urgent);
    }

    @Test
    void is_nothing_when_the_partnership_loaded_no_history() {
      assertThat(History.none().holds(Instant.parse("1990-01-01T00:00:00Z"))).isFalse();
    }
  }

  @Nested
  class ACustodyStatusChange {

    @Test
    void to_released_is_urgent_for_every_linked_worker() {
      var notices =
          NotificationRules.newRecord(
              PERPETRATOR,
              record("CUSTODY_STATUS_CHANGED", Map.of("status", "RELEASED")),
              List.of("w-1", "w-2"),
              History.none());

      assertThat(notices).hasSize(2).allMatch(Notice::urgent);
      assertThat(notices.get(0).kind()).isEqualTo(Notice.Kind.RELEASED_OR_BAILED);
      assertThat(notices.get(0).title()).contains("released from custody");
    }

    @Test
    void to_bailed_is_urgent() {
      var notice =
          NotificationRules.newRecord(
                  PERPETRATOR,
                  record("CUSTODY_STATUS_CHANGED", Map.of("status", "BAILED")),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.urgent()).isTrue();
      assertThat(notice.title()).contains("bailed");
    }

    @Test
    void to_in_custody_tells_nobody() {
      assertThat(
              NotificationRules.newRecord(
                  PERPETRATOR,
                  record("CUSTODY_STATUS_CHANGED", Map.of("status", "IN_CUSTODY")),
                  List.of("w-1"),
                  History.none()))
          .isEmpty();
    }

    @Test
    void never_copies_bail_conditions_which_can_name_a_victim() {
      var notice =
          NotificationRules.newRecord(
                  PERPETRATOR,
                  record(
                      "CUSTODY_STATUS_CHANGED",
                      Map.of("status", "BAILED", "conditions", "not to contact VICTIM-MARKER")),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.title() + notice.body()).doesNotContain("VICTIM-MARKER");
    }
  }

  @Nested
  class ProtectiveOrders {

    @Test
    void a_breach_is_urgent_and_names_the_order() {
      var notice =
          NotificationRules.newRecord(
                  PERPETRATOR,
                  record("ORDER_BREACHED", Map.of("orderRef", "DVPO-7")),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.urgent()).isTrue();
      assertThat(notice.kind()).isEqualTo(Notice.Kind.ORDER_BREACHED);
      assertThat(notice.body()).contains("DVPO-7");
    }

    @Test
    void an_order_issued_is_told_without_urgency_and_without_the_protected_victim() {
      var notice =
          NotificationRules.newRecord(
                  PERPETRATOR,
                  record(
                      "PROTECTIVE_ORDER_ISSUED",
                      Map.of(
                          "orderType",
                          "DVPO",
                          "protectedVictimRef",
                          "VICTIM-MARKER-9",
                          "validFrom",
                          "2026-10-03T00:00:00Z")),
                  List.of("w-1"),
                  History.none())
              .get(0);

      assertThat(notice.urgent()).isFalse();
      assertThat(notice.body()).contains("DVPO").doesNotContain("VICTIM-MARKER");
    }
  }

  @Nested
  class AnInterventionStatus {

    @Test
    void dropped_out_or_declined_is_told() {
      for (String status : List.of("DROPPED_OUT", "DECLINED")) {
        assertThat(
                NotificationRules.newRecord(
                    PERPETRATOR,
                    record("INTERVENTION_STATUS_CHANGED", Map.of("status", status)),
                    List.of("w-1"),
                    History.none()))
            .as(status)
            .singleElement()
            .extracting(Notice::kind)
            .isEqualTo(Notice.Kind.INTERVENTION_ENDED);
      }
    }

    @Test
    void started_or_completed_tells_nobody() {
      for (String status : List.of("REFERRED", "STARTED", "COMPLETED")) {
        assertThat(
                NotificationRules.newRecord(
                    PERPETRATOR,
                    record("INTERVENTION_STATUS_CHANGED", Map.of("status", status)),
                    List.of("w-1"),
                    History.none()))
            .as(status)
            .isEmpty();
      }
    }
  }

  @Nested
  class AFlagNewlySet {

    @Test
    void names_the_flag_and_the_policy() {
      var notice =
          NotificationRules.flagSet(
                  PERPETRATOR,
                  Notice.Kind.SERIAL_FLAG_SET,
                  "rfgv-1",
                  Instant.parse("2026-10-02T00:00:00Z"),
                  List.of("w-1"))
              .get(0);

      assertThat(notice.body()).contains("serial", "rfgv-1", "Testy Fakeperson");
    }
  }

  @Nested
  class AScoreChange {

    private final Instant asOf = Instant.parse("2026-10-02T00:00:00Z");

    private List<Notice.Kind> heard(Flags before, Flags now) {
      return NotificationRules.flagsChanged(
              PERPETRATOR, before, now, "rfgv-1", asOf, List.of("w-1"))
          .stream()
          .map(Notice::kind)
          .toList();
    }

    @Test
    void tells_of_each_flag_it_newly_sets() {
      assertThat(heard(Flags.NONE, new Flags(true, true)))
          .containsExactly(Notice.Kind.SERIAL_FLAG_SET, Notice.Kind.ESCALATING_FLAG_SET);
    }

    @Test
    void says_nothing_of_a_flag_that_stays_set_or_is_cleared() {
      assertThat(heard(new Flags(true, true), new Flags(true, false))).isEmpty();
    }
  }

  @Nested
  class AProfileChange {

    @Test
    void tells_of_what_it_newly_recorded_in_the_order_recorded() {
      var breach =
          new NotificationRules.NewRecord(
              "ORDER_BREACHED",
              "HAMPSHIRE_POLICE",
              "OB-1",
              Instant.parse("2026-10-01T22:00:00Z"),
              "SOUTHAMPTON",
              Map.of("orderRef", "DVPO-1"));

      var notices =
          NotificationRules.profileChanged(
              PERPETRATOR,
              List.of(breach, incidentAgainst(NEW)),
              Set.of(KNOWN),
              List.of("w-1"),
              History.none());

      assertThat(notices)
          .extracting(Notice::kind, Notice::urgent)
          .containsExactly(
              tuple(Notice.Kind.ORDER_BREACHED, true), tuple(Notice.Kind.NEW_INCIDENT, true));
    }
  }

  @Nested
  class AProtectiveOrderEnding {

    private final Instant now = Instant.parse("2026-11-23T09:00:00Z");

    private NotificationRules.Order endingAt(Instant validUntil) {
      return new NotificationRules.Order(
          "HAMPSHIRE_POLICE", "DVPO-1", "DVPO", validUntil, "SOUTHAMPTON");
    }

    @Test
    void is_news_from_seven_days_ahead() {
      assertThat(
              NotificationRules.orderEnding(
                  PERPETRATOR, endingAt(now.plusSeconds(7 * 86_400)), now, List.of("w1")))
          .singleElement()
          .satisfies(
              notice -> {
                assertThat(notice.kind()).isEqualTo(Notice.Kind.ORDER_EXPIRING);
                assertThat(notice.body()).contains("DVPO", "Testy Fakeperson");
              });
    }

    @Test
    void is_not_news_a_second_earlier_nor_once_it_has_ended() {
      assertThat(
              NotificationRules.orderEnding(
                  PERPETRATOR, endingAt(now.plusSeconds(7 * 86_400 + 1)), now, List.of("w1")))
          .isEmpty();
      assertThat(NotificationRules.orderEnding(PERPETRATOR, endingAt(now), now, List.of("w1")))
          .isEmpty();
    }

    @Test
    void extended_to_a_new_end_is_a_new_fact() {
      var first =
          NotificationRules.orderEnding(
              PERPETRATOR, endingAt(now.plusSeconds(86_400)), now, List.of("w1"));
      var extended =
          NotificationRules.orderEnding(
              PERPETRATOR, endingAt(now.plusSeconds(2 * 86_400)), now, List.of("w1"));

      assertThat(first.get(0).factKey()).isNotEqualTo(extended.get(0).factKey());
    }
  }
}
