package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RfgvScorerPropertiesTest {

  private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<String> CATEGORIES =
      List.copyOf(Policies.rfgv1().gravityTable().weights().keySet());

  private final ScoringPolicy policy = Policies.rfgv1();

  @Provide
  Arbitrary<IncidentFacts> incident() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 1200L * 86_400),
            Arbitraries.of("HAMPSHIRE_POLICE", "THAMES_VALLEY_POLICE"),
            Arbitraries.integers().between(1, 40),
            Arbitraries.of(CATEGORIES).list().ofMaxSize(3),
            Arbitraries.of("V-1", "V-2", "V-3", "V-4", "V-5").set().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of("SOUTHAMPTON", "PORTSMOUTH", "FAREHAM"),
            Arbitraries.integers().between(1, 1_000_000))
        .as(
            (secondsBefore, source, ref, offences, victims, area, record) ->
                new IncidentFacts(
                    source,
                    "INC-" + ref,
                    "INC-" + ref + "#" + record,
                    AS_OF.minusSeconds(secondsBefore),
                    AS_OF.minusSeconds(secondsBefore),
                    area,
                    offences,
                    victims.stream()
                        .map(victim -> new IncidentFacts.VictimKey(source, victim))
                        .collect(Collectors.toSet()),
                    false,
                    true));
  }

  @Provide
  Arbitrary<List<IncidentFacts>> incidents() {
    // A record key has one current version, so no two records share (source, sourceReference).
    return incident()
        .list()
        .ofMaxSize(12)
        .uniqueElements(record -> record.source() + "/" + record.sourceReference());
  }

  private Score score(List<IncidentFacts> incidents) {
    return RfgvScorer.score(new PersonFacts(Optional.empty(), incidents), policy, AS_OF);
  }

  @Property
  void the_score_does_not_depend_on_the_order_records_arrived_in(
      @ForAll("incidents") List<IncidentFacts> incidents, @ForAll long seed) {
    List<IncidentFacts> shuffled = new ArrayList<>(incidents);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(score(shuffled)).isEqualTo(score(incidents));
  }

  @Property
  void the_same_inputs_always_give_the_same_score(
      @ForAll("incidents") List<IncidentFacts> incidents) {
    assertThat(score(List.copyOf(incidents))).isEqualTo(score(incidents));
  }

  @Property
  void adding_an_incident_never_lowers_frequency_harm_or_victims(
      @ForAll("incidents") List<IncidentFacts> incidents,
      @ForAll("incident") IncidentFacts another) {
    // Another version of a record already held is a correction, which may lower anything.
    Assume.that(
        incidents.stream()
            .noneMatch(
                held ->
                    held.source().equals(another.source())
                        && held.sourceReference().equals(another.sourceReference())));
    List<IncidentFacts> more = new ArrayList<>(incidents);
    more.add(another);

    Score before = score(incidents);
    Score after = score(more);

    assertThat(after.frequency()).isGreaterThanOrEqualTo(before.frequency());
    assertThat(after.harm()).isGreaterThanOrEqualTo(before.harm());
    assertThat(after.victims()).isGreaterThanOrEqualTo(before.victims());
  }

  @Property
  void every_component_stays_within_its_band_and_the_total_within_0_to_30(
      @ForAll("incidents") List<IncidentFacts> incidents) {
    Score score = score(incidents);

    for (int component :
        new int[] {score.recency(), score.frequency(), score.gravity(), score.victims()}) {
      assertThat(component).isBetween(0, 5);
    }
    assertThat(score.total()).isBetween(0, 30);
  }
}
