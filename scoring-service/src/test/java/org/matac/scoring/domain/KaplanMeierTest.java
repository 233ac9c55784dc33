package org.matac.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

  @Nested
  class FivePeopleOneOfThemLeavingEarly {

    // Two re-offend on day 10, one is followed only to day 20, one re-offends on day 30, one is
    // followed the whole year without. By hand: day 10, 1 - 2/5 = 0.6; day 20 leaves 2 at risk;
    // day 30, 0.6 x (1 - 1/2) = 0.3.
    private final KaplanMeier.Curve curve =
        KaplanMeier.estimate(
            List.of(
                new KaplanMeier.Followed(10, true),
                new KaplanMeier.Followed(10, true),
                new KaplanMeier.Followed(20, false),
                new KaplanMeier.Followed(30, true),
                new KaplanMeier.Followed(365, false)),
            0,
            15,
            30,
            365);

    @Test
    void steps_down_on_each_day_someone_reoffended_by_the_share_then_at_risk() {
      assertThat(curve.steps())
          .containsExactly(
              new KaplanMeier.Step(0, 1),
              new KaplanMeier.Step(10, 0.6),
              new KaplanMeier.Step(30, 0.6 * 0.5));
    }

    @Test
    void reads_the_share_on_any_day_from_the_last_step_before_it() {
      assertThat(curve.survivingAt(9)).isEqualTo(1);
      assertThat(curve.survivingAt(29)).isCloseTo(0.6, within(1e-12));
      assertThat(curve.survivingAt(365)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void counts_those_at_risk_at_the_start_of_each_reported_day() {
      assertThat(curve.atRisk())
          .containsExactly(
              new KaplanMeier.AtRisk(0, 5),
              new KaplanMeier.AtRisk(15, 3),
              new KaplanMeier.AtRisk(30, 2),
              new KaplanMeier.AtRisk(365, 1));
      assertThat(curve.reoffended()).isEqualTo(3);
    }
  }

  @Nested
  class APersonFollowedForAYear {

    @Test
    void with_an_incident_on_day_40_reoffended_on_day_40() {
      assertThat(KaplanMeier.Followed.of(OptionalInt.of(40), 365))
          .isEqualTo(new KaplanMeier.Followed(40, true));
    }

    @Test
    void without_one_is_followed_to_the_end_of_the_year() {
      assertThat(KaplanMeier.Followed.of(OptionalInt.empty(), 365))
          .isEqualTo(new KaplanMeier.Followed(365, false));
    }

    @Test
    void who_reoffended_on_the_day_they_entered_starts_the_curve_below_one() {
      KaplanMeier.Curve curve =
          KaplanMeier.estimate(
              List.of(new KaplanMeier.Followed(0, true), new KaplanMeier.Followed(365, false)));
      assertThat(curve.steps()).containsExactly(new KaplanMeier.Step(0, 0.5));
    }
  }
}
