package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
              PERPETRATOR, incidentAgainst(KNOWN), Set.of(KNOWN), List.of("w-2", "w-1"));

      assertThat(notices).extracting(Notice::workerId).containsExactly("w-1", "w-2");
      assertThat(notices)
          .extracting(Notice::factKey)
          .containsOnly("INCIDENT:HAMPSHIRE_POLICE:44/7/26");
    }

    @Test
    void is_urgent_when_it_is_against_a_victim_not_seen_before_with_this_perpetrator() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR, incidentAgainst(KNOWN, NEW), Set.of(KNOWN), List.of("w-1"))
              .get(0);

      assertThat(notice.urgent()).isTrue();
      assertThat(notice.title()).startsWith("URGENT");
    }

    @Test
    void is_not_urgent_when_every_victim_was_seen_before() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR, incidentAgainst(KNOWN), Set.of(KNOWN), List.of("w-1"))
              .get(0);

      assertThat(notice.urgent()).isFalse();
    }

    @Test
    void names_the_perpetrator_when_and_where_but_never_a_victim() {
      var notice =
          NotificationRules.newIncident(
                  PERPETRATOR, incidentAgainst(KNOWN, NEW), Set.of(KNOWN), List.of("w-1"))
              .get(0);

      assertThat(notice.title() + notice.body())
          .contains("Testy Fakeperson", "p-1", "SOUTHAMPTON", "2026-10-01T21:14:00Z")
          .doesNotContain("VICTIM-MARKER");
    }

    @Test
    void reaches_nobody_when_no_worker_is_linked() {
      assertThat(
              NotificationRules.newIncident(PERPETRATOR, incidentAgainst(NEW), Set.of(), List.of()))
          .isEmpty();
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
}
