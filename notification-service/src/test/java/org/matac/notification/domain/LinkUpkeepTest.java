package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LinkUpkeepTest {

  private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final VictimKey FIRST = new VictimKey("HAMPSHIRE_POLICE", "VICTIM-MARKER-1");
  private static final VictimKey SECOND = new VictimKey("HAMPSHIRE_POLICE", "VICTIM-MARKER-2");

  private static ProfileSnapshot version(long version, VictimKey... victims) {
    return new ProfileSnapshot(
        PERSON, version, "Testy", "Fakeperson-" + version, Set.of(victims), List.of());
  }

  @Nested
  class ANewerVersion {

    @Test
    void replaces_the_victims_kept_and_becomes_the_newest() {
      LinkUpkeep upkeep =
          LinkUpkeep.after(
              List.of(version(3, SECOND)), Map.of(PERSON, 2L), Map.of(PERSON, Set.of(FIRST)));

      assertThat(upkeep.victims().get(PERSON)).containsExactly(SECOND);
      assertThat(upkeep.newest().get(PERSON).version()).isEqualTo(3);
    }

    @Test
    void followed_by_an_older_one_in_the_same_poll_keeps_its_name_and_gains_the_older_victims() {
      LinkUpkeep upkeep =
          LinkUpkeep.after(List.of(version(5, SECOND), version(4, FIRST)), Map.of(), Map.of());

      assertThat(upkeep.newest().get(PERSON).familyName()).isEqualTo("Fakeperson-5");
      assertThat(upkeep.victims().get(PERSON)).containsExactlyInAnyOrder(FIRST, SECOND);
    }
  }

  @Nested
  class AnOlderVersionArrivingLate {

    @Test
    void only_adds_its_victims() {
      LinkUpkeep upkeep =
          LinkUpkeep.after(
              List.of(version(1, SECOND)), Map.of(PERSON, 2L), Map.of(PERSON, Set.of(FIRST)));

      assertThat(upkeep.newest()).isEmpty();
      assertThat(upkeep.victims().get(PERSON)).containsExactlyInAnyOrder(FIRST, SECOND);
    }
  }
}
