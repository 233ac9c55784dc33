package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A report on 15 November 2026 (months November 2025 to October 2026). Eleven urgent notices on 1
 * October acknowledged after 1 to 11 hours, and one never; three other notices, two acknowledged;
 * one urgent notice from before the period.
 */
class AcknowledgementTimesTest {

  private static final Instant REPORT = Instant.parse("2026-11-15T00:00:00Z");
  private static final Instant OCTOBER = Instant.parse("2026-10-01T08:00:00Z");

  private final List<AcknowledgementTimes.Notice> notices = new ArrayList<>();

  {
    for (int i = 1; i <= 11; i++) {
      notices.add(
          new AcknowledgementTimes.Notice(
              true, OCTOBER, Optional.of(OCTOBER.plus(Duration.ofHours(i)))));
    }
    notices.add(new AcknowledgementTimes.Notice(true, OCTOBER, Optional.empty()));
    for (int i = 0; i < 3; i++) {
      notices.add(
          new AcknowledgementTimes.Notice(
              false,
              OCTOBER,
              i < 2 ? Optional.of(OCTOBER.plus(Duration.ofDays(2))) : Optional.empty()));
    }
    notices.add(
        new AcknowledgementTimes.Notice(
            true, Instant.parse("2025-10-31T23:00:00Z"), Optional.of(OCTOBER)));
  }

  private final AcknowledgementTimes.Report report = AcknowledgementTimes.of(notices, REPORT);

  @Test
  void times_urgent_notices_from_notice_to_acknowledgement() {
    AcknowledgementTimes.ByUrgency urgent = report.rows().get(0);
    assertThat(urgent.urgent()).isTrue();
    assertThat(urgent.notices()).isEqualTo(AcknowledgementTimes.Count.of(12));
    assertThat(urgent.acknowledged()).isEqualTo(AcknowledgementTimes.Count.of(11));
    assertThat(urgent.notAcknowledged()).isEqualTo(new AcknowledgementTimes.Count(null, true));
    // Eleven values 1..11 hours: positions 2.5, 5 and 7.5 of 0..10.
    assertThat(urgent.lowerQuartileHours()).isCloseTo(3.5, within(1e-9));
    assertThat(urgent.medianHours()).isCloseTo(6, within(1e-9));
    assertThat(urgent.upperQuartileHours()).isCloseTo(8.5, within(1e-9));
  }

  @Test
  void gives_no_times_and_no_small_counts_for_three_other_notices() {
    AcknowledgementTimes.ByUrgency other = report.rows().get(1);
    assertThat(other.notices()).isEqualTo(new AcknowledgementTimes.Count(null, true));
    assertThat(other.medianHours()).isNull();
  }

  @Test
  void counts_an_acknowledgement_after_the_reports_instant_as_not_yet_made() {
    AcknowledgementTimes.Report sameDay =
        AcknowledgementTimes.of(
            List.of(
                new AcknowledgementTimes.Notice(
                    true, OCTOBER, Optional.of(Instant.parse("2026-11-20T00:00:00Z")))),
            REPORT);
    assertThat(sameDay.rows().get(0).notAcknowledged())
        .isEqualTo(new AcknowledgementTimes.Count(null, true));
    assertThat(sameDay.rows().get(0).acknowledged()).isEqualTo(AcknowledgementTimes.Count.of(0));
  }
}
