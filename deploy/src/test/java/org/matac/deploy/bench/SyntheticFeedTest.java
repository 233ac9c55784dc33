package org.matac.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

  private static List<SyntheticFeed.Event> feed(long seed) {
    return new SyntheticFeed(seed, NOW).events(20_000);
  }

  @Nested
  class TheSameSeed {

    @Test
    void gives_the_same_feed_in_the_same_order() {
      assertThat(feed(42)).isEqualTo(feed(42));
    }

    @Test
    void and_another_seed_gives_another_feed() {
      assertThat(feed(42)).isNotEqualTo(feed(43));
    }
  }

  @Nested
  class AFeed {

    private final List<SyntheticFeed.Event> events = feed(7);

    @Test
    void gives_most_people_one_incident_as_the_portsmouth_figures_do() {
      Map<String, Set<String>> referencesByPerson = new HashMap<>();
      for (SyntheticFeed.Event event : events) {
        String reference = event.json().replaceAll(".*\"sourceReference\":\"([^\"]+)\".*", "$1");
        referencesByPerson.computeIfAbsent(event.key(), key -> new HashSet<>()).add(reference);
      }
      long withOne =
          referencesByPerson.values().stream().filter(references -> references.size() == 1).count();

      assertThat((double) withOne / referencesByPerson.size()).isBetween(0.74, 0.80);
    }

    @Test
    void carries_repeats_and_corrections_as_real_feeds_do() {
      Set<String> eventIds = new HashSet<>();
      long repeats = events.stream().filter(event -> !eventIds.add(event.eventId())).count();
      long corrections =
          events.stream().filter(event -> event.json().contains("\"recordVersion\":2")).count();

      assertThat(repeats).isBetween(100L, 300L);
      assertThat(corrections).isBetween(250L, 550L);
    }

    @Test
    void names_nobody_real() {
      assertThat(events)
          .allSatisfy(event -> assertThat(event.json()).contains("\"familyName\":\"Benchperson\""));
    }
  }
}
