package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matac.tracking.domain.PeopleGraph.pncNode;
import static org.matac.tracking.domain.PeopleGraph.sourceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PeopleGraphTest {

  private static final String POLICE = sourceNode("HAMPSHIRE_POLICE", "NICHE-1");
  private static final String POLICE_2 = sourceNode("HAMPSHIRE_POLICE", "NICHE-2");
  private static final String COUNCIL = sourceNode("SOUTHAMPTON_CHILDRENS_SERVICES", "CS-9");
  private static final String PNC = pncNode("2019/0012345X");
  private static final UUID OLDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID YOUNGER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private static PeopleGraph.Edge edge(String from, String to) {
    return new PeopleGraph.Edge(from, to);
  }

  private static Supplier<UUID> numbered() {
    AtomicInteger next = new AtomicInteger(100);
    return () -> new UUID(0, next.getAndIncrement());
  }

  @Nested
  class WhenTwoProfilesShareAPncId {

    private final PeopleGraph.Outcome outcome =
        PeopleGraph.resolve(
            List.of(POLICE, POLICE_2, COUNCIL, PNC),
            List.of(edge(POLICE, PNC), edge(POLICE_2, PNC), edge(COUNCIL, PNC)),
            Map.of(POLICE, OLDER, POLICE_2, OLDER, PNC, OLDER, COUNCIL, YOUNGER),
            Map.of(),
            id -> true,
            numbered());

    @Test
    void they_become_one_person_under_the_id_holding_most_identifiers() {
      assertThat(outcome.ownerOf().get(COUNCIL)).isEqualTo(OLDER);
      assertThat(outcome.ownerOf().get(POLICE)).isEqualTo(OLDER);
    }

    @Test
    void the_other_id_is_absorbed_into_it() {
      assertThat(outcome.absorbedInto()).isEqualTo(Map.of(YOUNGER, OLDER));
      assertThat(outcome.created()).isEmpty();
    }
  }

  @Nested
  class WhenTheSharedPncIdIsNoLongerOnACountingRecord {

    private final PeopleGraph.Outcome outcome =
        PeopleGraph.resolve(
            List.of(POLICE, POLICE_2, PNC, COUNCIL),
            List.of(edge(POLICE, PNC), edge(POLICE_2, PNC)),
            Map.of(POLICE, OLDER, POLICE_2, OLDER, PNC, OLDER, COUNCIL, OLDER),
            Map.of(COUNCIL, YOUNGER),
            id -> true,
            numbered());

    @Test
    void the_larger_part_keeps_the_id_and_the_split_part_gets_back_its_first_id() {
      assertThat(outcome.ownerOf().get(POLICE)).isEqualTo(OLDER);
      assertThat(outcome.ownerOf().get(COUNCIL)).isEqualTo(YOUNGER);
      assertThat(outcome.revived()).containsExactly(YOUNGER);
    }

    @Test
    void both_ids_are_told_they_were_separated() {
      assertThat(outcome.separatedFrom())
          .isEqualTo(Map.of(OLDER, Set.of(YOUNGER), YOUNGER, Set.of(OLDER)));
    }

    @Test
    void an_identifier_split_away_with_no_id_of_its_own_gets_a_new_one() {
      PeopleGraph.Outcome split =
          PeopleGraph.resolve(
              List.of(POLICE, COUNCIL),
              List.of(),
              Map.of(POLICE, OLDER, COUNCIL, OLDER),
              Map.of(),
              id -> true,
              numbered());

      assertThat(split.created()).containsExactly(new UUID(0, 100));
      assertThat(split.ownerOf().get(POLICE)).isEqualTo(OLDER);
    }
  }

  @Nested
  class WhenALinkBetweenTwoEqualPartsIsRemoved {

    @Test
    void each_part_gets_back_the_id_it_started_under() {
      PeopleGraph.Outcome outcome =
          PeopleGraph.resolve(
              List.of(POLICE, COUNCIL),
              List.of(),
              Map.of(POLICE, YOUNGER, COUNCIL, YOUNGER),
              Map.of(POLICE, OLDER, COUNCIL, YOUNGER),
              id -> id.equals(OLDER),
              numbered());

      assertThat(outcome.ownerOf()).isEqualTo(Map.of(POLICE, OLDER, COUNCIL, YOUNGER));
    }
  }

  @Nested
  class ANewIdentifier {

    @Test
    void linked_to_nothing_is_a_new_person() {
      PeopleGraph.Outcome outcome =
          PeopleGraph.resolve(
              List.of(POLICE), List.of(), Map.of(), Map.of(), id -> true, numbered());

      assertThat(outcome.created()).hasSize(1);
      assertThat(outcome.absorbedInto()).isEmpty();
    }
  }

  @Nested
  class TheGroups {

    @Test
    void do_not_depend_on_the_order_edges_are_read_in() {
      List<PeopleGraph.Edge> edges =
          new ArrayList<>(
              List.of(edge(POLICE, PNC), edge(COUNCIL, PNC), edge(POLICE_2, sourceNode("X", "1"))));
      List<String> nodes = List.of(POLICE, POLICE_2, COUNCIL, PNC, sourceNode("X", "1"));
      var expected = PeopleGraph.groups(nodes, edges);
      for (int seed = 0; seed < 20; seed++) {
        Collections.shuffle(edges, new Random(seed));
        assertThat(PeopleGraph.groups(nodes, edges)).isEqualTo(expected);
      }
      assertThat(expected).hasSize(2);
    }
  }
}
