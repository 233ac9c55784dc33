package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordVersionTest {

  private static final Instant EARLY = Instant.parse("2026-10-01T10:00:00Z");
  private static final Instant LATE = Instant.parse("2026-10-02T10:00:00Z");
  private static final UUID LOW = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID HIGH = UUID.fromString("f0000000-0000-4000-8000-000000000001");

  @Test
  void a_higher_record_version_wins_even_when_recorded_earlier() {
    assertThat(RecordVersion.of(2, EARLY, LOW).supersedes(RecordVersion.of(1, LATE, HIGH)))
        .isTrue();
  }

  @Test
  void an_absent_record_version_counts_as_zero() {
    assertThat(RecordVersion.of(null, LATE, HIGH).supersedes(RecordVersion.of(1, EARLY, LOW)))
        .isFalse();
  }

  @Test
  void with_equal_versions_the_later_recorded_at_wins() {
    assertThat(RecordVersion.of(null, LATE, LOW).supersedes(RecordVersion.of(null, EARLY, HIGH)))
        .isTrue();
  }

  @Test
  void with_equal_versions_and_times_the_greater_event_id_text_wins() {
    assertThat(RecordVersion.of(null, EARLY, HIGH).supersedes(RecordVersion.of(null, EARLY, LOW)))
        .isTrue();
  }

  @Test
  void a_version_does_not_supersede_itself() {
    RecordVersion version = RecordVersion.of(3, EARLY, LOW);

    assertThat(version.supersedes(RecordVersion.of(3, EARLY, LOW))).isFalse();
  }
}
