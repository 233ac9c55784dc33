package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matac.events.FieldError;

class PolicyValidationTest {

  private final ScoringPolicy rfgv1 = Policies.rfgv1();
  private final Set<String> categories = rfgv1.gravityTable().weights().keySet();

  private List<String> fieldsOf(ScoringPolicy policy) {
    return PolicyValidation.problems(policy, categories).stream().map(FieldError::field).toList();
  }

  private ScoringPolicy withGravityTable(Map<String, BigDecimal> weights) {
    return new ScoringPolicy(
        "rfgv-2",
        rfgv1.windowDays(),
        rfgv1.recency(),
        rfgv1.frequency(),
        rfgv1.gravity(),
        rfgv1.victims(),
        rfgv1.weights(),
        rfgv1.flags(),
        rfgv1.cohorts(),
        new ScoringPolicy.GravityTable("gravity-2", weights));
  }

  @Test
  void accepts_the_shipped_default() {
    assertThat(PolicyValidation.problems(rfgv1, categories)).isEmpty();
  }

  @Test
  void refuses_a_gravity_table_missing_a_category_naming_it() {
    Map<String, BigDecimal> weights = new HashMap<>(rfgv1.gravityTable().weights());
    weights.remove("STALKING");

    var problems = PolicyValidation.problems(withGravityTable(weights), categories);

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.field()).isEqualTo("gravityTable.weights");
              assertThat(problem.message()).contains("STALKING");
            });
  }

  @Test
  void refuses_a_negative_weight() {
    Map<String, BigDecimal> weights = new HashMap<>(rfgv1.gravityTable().weights());
    weights.put("OTHER", new BigDecimal("-1"));

    assertThat(fieldsOf(withGravityTable(weights))).containsExactly("gravityTable.weights.OTHER");
  }

  @Test
  void refuses_recency_bands_that_do_not_reach_the_end_of_the_window() {
    ScoringPolicy shortBands =
        new ScoringPolicy(
            "rfgv-2",
            rfgv1.windowDays(),
            List.of(new ScoringPolicy.UpTo(28, 5)),
            rfgv1.frequency(),
            rfgv1.gravity(),
            rfgv1.victims(),
            rfgv1.weights(),
            rfgv1.flags(),
            rfgv1.cohorts(),
            rfgv1.gravityTable());

    assertThat(fieldsOf(shortBands)).containsExactly("recency");
  }

  @Test
  void refuses_bands_out_of_order_or_not_starting_where_their_range_starts() {
    ScoringPolicy disordered =
        new ScoringPolicy(
            "rfgv-2",
            rfgv1.windowDays(),
            rfgv1.recency(),
            List.of(new ScoringPolicy.From(2, 1), new ScoringPolicy.From(2, 2)),
            List.of(new ScoringPolicy.HarmFrom(BigDecimal.TEN, 1)),
            rfgv1.victims(),
            rfgv1.weights(),
            rfgv1.flags(),
            rfgv1.cohorts(),
            rfgv1.gravityTable());

    assertThat(fieldsOf(disordered))
        .containsExactlyInAnyOrder("frequency[0].from", "frequency[1].from", "gravity[0].from");
  }
}
