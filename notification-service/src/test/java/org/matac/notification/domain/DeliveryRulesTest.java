package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Optional<DeliveryRules.QuietHours> NIGHTS =
      Optional.of(new DeliveryRules.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), LONDON));

  @Nested
  class QuietHours {

    @Test
    void hold_an_ordinary_notice_until_they_end_the_next_morning() {
      Instant lateEvening = Instant.parse("2026-11-23T23:30:00Z");

      assertThat(DeliveryRules.sendAt(false, NIGHTS, lateEvening))
          .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void hold_an_ordinary_notice_after_midnight_until_the_same_morning() {
      assertThat(DeliveryRules.sendAt(false, NIGHTS, Instant.parse("2026-11-24T03:00:00Z")))
          .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }

    @Test
    void never_hold_an_urgent_notice() {
      Instant night = Instant.parse("2026-11-24T03:00:00Z");

      assertThat(DeliveryRules.sendAt(true, NIGHTS, night)).isEqualTo(night);
    }

    @Test
    void let_a_notice_through_outside_them() {
      Instant midday = Instant.parse("2026-11-24T12:00:00Z");

      assertThat(DeliveryRules.sendAt(false, NIGHTS, midday)).isEqualTo(midday);
    }

    @Test
    void follow_the_workers_zone_across_summer_time() {
      Instant juneNight = Instant.parse("2026-06-24T21:30:00Z"); // 22:30 in London (BST)

      assertThat(DeliveryRules.sendAt(false, NIGHTS, juneNight))
          .isEqualTo(Instant.parse("2026-06-25T06:00:00Z"));
    }
  }

  @Nested
  class Retries {

    @Test
    void back_off_exponentially() {
      Instant now = Instant.parse("2026-11-24T12:00:00Z");

      assertThat(DeliveryRules.retryAt(1, 5, now)).contains(now.plusSeconds(30));
      assertThat(DeliveryRules.retryAt(2, 5, now)).contains(now.plusSeconds(60));
      assertThat(DeliveryRules.retryAt(4, 5, now)).contains(now.plusSeconds(240));
    }

    @Test
    void stop_after_the_last_try() {
      assertThat(DeliveryRules.retryAt(5, 5, Instant.parse("2026-11-24T12:00:00Z"))).isEmpty();
    }
  }
}
