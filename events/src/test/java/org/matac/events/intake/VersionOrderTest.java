package org.matac.events.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

  private record Version(int number, Instant recordedAt, String eventId) {}

  private static final Comparator<Version> ORDER =
      VersionOrder.of(Version::number, Version::recordedAt, Version::eventId);

  private static final Instant EARLY = Instant.parse("2026-10-01T10:00:00Z");
  private static final Instant LATE = Instant.parse("2026-10-02T10:00:00Z");
  private static final String LOW = "00000000-0000-4000-8000-000000000001";
  private static final String HIGH = "f0000000-0000-4000-8000-000000000001";

  private static Version current(Version... versions) {
    return List.of(versions).stream().max(ORDER).orElseThrow();
  }

  @Test
  void a_higher_record_version_is_current_even_when_recorded_earlier() {
    Version corrected = new Version(2, EARLY, LOW);

    assertThat(current(new Version(1, LATE, HIGH), corrected)).isEqualTo(corrected);
  }

  @Test
  void with_equal_record_versions_the_later_recorded_at_is_current() {
    Version later = new Version(0, LATE, LOW);

    assertThat(current(later, new Version(0, EARLY, HIGH))).isEqualTo(later);
  }

  @Test
  void with_equal_versions_and_times_the_greater_event_id_text_is_current_whatever_its_case() {
    Version upper = new Version(0, EARLY, HIGH.toUpperCase());

    assertThat(current(new Version(0, EARLY, LOW), upper)).isEqualTo(upper);
    assertThat(ORDER.compare(new Version(0, EARLY, HIGH), upper)).isZero();
  }

  @Test
  void the_order_of_arrival_does_not_matter() {
    Version a = new Version(1, EARLY, LOW);
    Version b = new Version(1, LATE, LOW);
    Version c = new Version(0, LATE, HIGH);

    assertThat(current(a, b, c)).isEqualTo(current(c, b, a)).isEqualTo(b);
  }
}
