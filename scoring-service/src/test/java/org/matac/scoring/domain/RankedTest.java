package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RankedTest {

  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  private static Ranked ranked(
      String name, int total, String harm, Instant latest, String tieBreakKey) {
    Score score =
        new Score(
            "rfgv-1",
            AS_OF,
            0,
            0,
            new BigDecimal(harm),
            0,
            0,
            total,
            new Score.Flags(false, false, false),
            latest == null
                ? Optional.empty()
                : Optional.of(
                    new Score.LatestIncident("HAMPSHIRE_POLICE", name, latest, "FAREHAM")),
            List.of());
    return new Ranked(UUID.nameUUIDFromBytes(name.getBytes()), score, tieBreakKey);
  }

  private static List<String> order(Ranked... people) {
    List<Ranked> shuffled = new ArrayList<>(List.of(people));
    Collections.reverse(shuffled);
    shuffled.sort(Ranked.ORDER);
    return shuffled.stream()
        .map(r -> r.score().latestIncident().map(l -> l.incidentRef()).orElse("none"))
        .toList();
  }

  @Nested
  class TheOrder {

    @Test
    void puts_the_higher_total_first() {
      assertThat(
              order(
                  ranked("low", 10, "500", AS_OF, "A"),
                  ranked("high", 20, "1", AS_OF.minusSeconds(9), "Z")))
          .containsExactly("high", "low");
    }

    @Test
    void breaks_equal_totals_by_harm_descending() {
      assertThat(
              order(ranked("light", 15, "19", AS_OF, "A"), ranked("heavy", 15, "365", AS_OF, "Z")))
          .containsExactly("heavy", "light");
    }

    @Test
    void then_by_the_latest_incident_most_recent_first() {
      assertThat(
              order(
                  ranked("older", 15, "19", AS_OF.minusSeconds(60), "A"),
                  ranked("newer", 15, "19", AS_OF, "Z")))
          .containsExactly("newer", "older");
    }

    @Test
    void then_by_the_tie_break_key_in_byte_order() {
      assertThat(
              order(
                  ranked("second", 15, "19", AS_OF, "HAMPSHIRE_POLICE:NICHE-2"),
                  ranked("first", 15, "19", AS_OF, "2019/0012345X")))
          .containsExactly("first", "second");
    }
  }

  @Nested
  class TheTieBreakKey {

    @Test
    void is_the_smallest_pnc_id_when_there_is_one() {
      assertThat(
              Ranked.tieBreakKeyOf(List.of("2020/0000002B", "2019/0000009Z"), List.of("A_FORCE:1")))
          .isEqualTo("2019/0000009Z");
    }

    @Test
    void is_the_smallest_source_identity_otherwise() {
      assertThat(Ranked.tieBreakKeyOf(List.of(), List.of("Z_FORCE:1", "A_FORCE:9")))
          .isEqualTo("A_FORCE:9");
    }
  }

  @Nested
  class MatacCandidacy {

    private final ScoringPolicy policy = Policies.rfgv1();

    @Test
    void starts_at_the_policy_threshold() {
      assertThat(ranked("at", 12, "1", AS_OF, "A").isMatacCandidate(policy)).isTrue();
      assertThat(ranked("below", 11, "1", AS_OF, "A").isMatacCandidate(policy)).isFalse();
    }

    @Test
    void belongs_to_the_area_of_the_latest_incident_only() {
      Ranked person = ranked("x", 20, "1", AS_OF, "A");

      assertThat(person.belongsTo("FAREHAM")).isTrue();
      assertThat(person.belongsTo("GOSPORT")).isFalse();
      assertThat(ranked("nothing", 0, "0", null, "A").belongsTo("FAREHAM")).isFalse();
    }
  }
}
