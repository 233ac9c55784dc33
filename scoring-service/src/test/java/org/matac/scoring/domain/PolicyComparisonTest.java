package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.matac.scoring.domain.Incidents.AS_OF;
import static org.matac.scoring.domain.Incidents.daysBefore;
import static org.matac.scoring.domain.Incidents.person;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyComparisonTest {

  private static final ScoringPolicy CURRENT = Policies.rfgv1();

  /** The Met's kind of change: coercive control weighted like a year's custody and more. */
  private static final ScoringPolicy COERCIVE_CONTROL_WEIGHTED = withCoerciveControlWeight("730");

  private static final UUID CONTROLLING = UUID.randomUUID();
  private static final UUID ASSAULTING = UUID.randomUUID();

  private static final Map<UUID, PersonFacts> PEOPLE =
      Map.of(
          CONTROLLING,
          person(
              daysBefore(10)
                  .ref("HAMPSHIRE_POLICE", "CC-1")
                  .offences("CONTROLLING_COERCIVE_BEHAVIOUR")
                  .build()),
          ASSAULTING,
          person(daysBefore(10).ref("HAMPSHIRE_POLICE", "ABH-1").offences("ABH").build()));

  private static ScoringPolicy withCoerciveControlWeight(String days) {
    Map<String, BigDecimal> weights = new HashMap<>(CURRENT.gravityTable().weights());
    weights.put("CONTROLLING_COERCIVE_BEHAVIOUR", new BigDecimal(days));
    return new ScoringPolicy(
        "rfgv-cc-test",
        CURRENT.windowDays(),
        CURRENT.recency(),
        CURRENT.frequency(),
        CURRENT.gravity(),
        CURRENT.victims(),
        CURRENT.weights(),
        CURRENT.flags(),
        CURRENT.cohorts(),
        new ScoringPolicy.GravityTable("gravity-cc-test", weights));
  }

  private static List<Ranked> rankingUnder(ScoringPolicy policy) {
    return PEOPLE.entrySet().stream()
        .map(
            person ->
                new Ranked(
                    person.getKey(),
                    RfgvScorer.score(person.getValue(), policy, AS_OF),
                    person.getKey().toString()))
        .sorted(Ranked.ORDER)
        .toList();
  }

  private static PolicyComparison.Result topOne() {
    return PolicyComparison.compare(
        rankingUnder(CURRENT), rankingUnder(COERCIVE_CONTROL_WEIGHTED), 1);
  }

  @Nested
  class WhenAReweightedOffenceChangesTheTop {

    @Test
    void the_person_it_lifts_enters_with_the_components_and_incident_that_changed() {
      PolicyComparison.Placing entering = topOne().entering().get(0);

      assertThat(entering.perpetratorId()).isEqualTo(CONTROLLING);
      assertThat(entering.rankA()).isEqualTo(2);
      assertThat(entering.rankB()).isEqualTo(1);
      assertThat(entering.reasons())
          .containsExactly(
              "total 14 -> 16",
              "gravity points 3 -> 4",
              "harm 182 -> 730 days",
              "incident HAMPSHIRE_POLICE/CC-1 (CONTROLLING_COERCIVE_BEHAVIOUR) harm 182 -> 730");
    }

    @Test
    void the_person_it_displaces_leaves_overtaken_with_an_unchanged_score() {
      PolicyComparison.Placing leaving = topOne().leaving().get(0);

      assertThat(leaving.perpetratorId()).isEqualTo(ASSAULTING);
      assertThat(leaving.scoreA().total()).isEqualTo(leaving.scoreB().total());
      assertThat(leaving.reasons())
          .containsExactly(
              "overtaken by others: total 16 under both policies, rank 1 -> 2 of a top 1");
    }

    @Test
    void nobody_stays_in_a_top_one_that_changed_hands() {
      assertThat(topOne().staying()).isEmpty();
    }
  }

  @Nested
  class WhenThePoliciesAgreeOnTheTop {

    @Test
    void everyone_stays_and_nobody_enters_or_leaves() {
      PolicyComparison.Result same =
          PolicyComparison.compare(rankingUnder(CURRENT), rankingUnder(CURRENT), 2);

      assertThat(same.entering()).isEmpty();
      assertThat(same.leaving()).isEmpty();
      assertThat(Stream.of(same.staying()).flatMap(List::stream).map(p -> p.perpetratorId()))
          .containsExactlyInAnyOrder(CONTROLLING, ASSAULTING);
    }
  }

  @Nested
  class WhenOnePolicyDoesNotRankSomeone {

    @Test
    void the_reason_says_which_policy_leaves_them_out() {
      List<Ranked> underA = rankingUnder(CURRENT);
      List<Ranked> withoutTheAssault =
          rankingUnder(CURRENT).stream().filter(r -> r.perpetratorId() != ASSAULTING).toList();

      PolicyComparison.Result result = PolicyComparison.compare(underA, withoutTheAssault, 1);

      assertThat(result.leaving().get(0).reasons())
          .containsExactly("not ranked in this area under policy B");
      assertThat(result.leaving().get(0).rankB()).isNull();
    }
  }
}
