package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A report on 15 November 2026 covers referrals received from 1 November 2025 to 31 October 2026.
 * Twenty referrals from the police on 1 June 2026 asking for DVPP: the first i of them claimed
 * after i + 1 days (so days 1 to 20), twelve of those screened, and of those ten accepted and two
 * declined, each decided 30 days after arrival. Three from Hampton Trust that month stayed new, and
 * one from before the period is left out.
 */
class ReferralFunnelTest {

  private static final Instant REPORT = Instant.parse("2026-11-15T00:00:00Z");
  private static final Instant JUNE = Instant.parse("2026-06-01T09:00:00Z");

  private final List<ReferralFunnel.Milestones> referrals = new ArrayList<>();

  {
    for (int i = 0; i < 20; i++) {
      Referral.Status status =
          i < 10
              ? Referral.Status.ACCEPTED
              : i < 12 ? Referral.Status.DECLINED : Referral.Status.CLAIMED;
      referrals.add(
          new ReferralFunnel.Milestones(
              "HAMPSHIRE_POLICE",
              "DVPP",
              status,
              JUNE,
              Optional.of(JUNE.plus(Duration.ofDays(i + 1))),
              i < 12 ? Optional.of(JUNE.plus(Duration.ofDays(30))) : Optional.empty()));
    }
    for (int i = 0; i < 3; i++) {
      referrals.add(
          new ReferralFunnel.Milestones(
              "HAMPTON_TRUST",
              null,
              Referral.Status.NEW,
              JUNE,
              Optional.empty(),
              Optional.empty()));
    }
    referrals.add(
        new ReferralFunnel.Milestones(
            "HAMPSHIRE_POLICE",
            "DVPP",
            Referral.Status.NEW,
            Instant.parse("2025-10-31T23:00:00Z"),
            Optional.empty(),
            Optional.empty()));
  }

  private final ReferralFunnel.Funnel funnel = ReferralFunnel.of(referrals, REPORT);

  private ReferralFunnel.Count stage(ReferralFunnel.Stage stage) {
    return funnel.stages().stream()
        .filter(count -> count.stage() == stage)
        .findFirst()
        .orElseThrow()
        .count();
  }

  @Test
  void covers_the_twelve_whole_months_before_the_report() {
    assertThat(funnel.from()).isEqualTo(YearMonth.of(2025, 11));
    assertThat(funnel.to()).isEqualTo(YearMonth.of(2026, 10));
  }

  @Test
  void counts_how_far_the_referrals_got_suppressing_counts_under_ten() {
    assertThat(stage(ReferralFunnel.Stage.REFERRED)).isEqualTo(ReferralFunnel.Count.of(23));
    assertThat(stage(ReferralFunnel.Stage.CLAIMED)).isEqualTo(ReferralFunnel.Count.of(20));
    assertThat(stage(ReferralFunnel.Stage.SCREENED)).isEqualTo(ReferralFunnel.Count.of(12));
    assertThat(stage(ReferralFunnel.Stage.ACCEPTED)).isEqualTo(ReferralFunnel.Count.of(10));
    assertThat(stage(ReferralFunnel.Stage.DECLINED))
        .isEqualTo(new ReferralFunnel.Count(null, true));
    assertThat(stage(ReferralFunnel.Stage.CLOSED)).isEqualTo(new ReferralFunnel.Count(0, false));
  }

  @Test
  void groups_them_by_who_referred_and_the_pathway_asked_for() {
    assertThat(funnel.byReferringAgency())
        .containsExactly(
            new ReferralFunnel.Group("HAMPSHIRE_POLICE", ReferralFunnel.Count.of(20)),
            new ReferralFunnel.Group("HAMPTON_TRUST", new ReferralFunnel.Count(null, true)));
    assertThat(funnel.byPathwayRequested())
        .containsExactly(
            new ReferralFunnel.Group("DVPP", ReferralFunnel.Count.of(20)),
            new ReferralFunnel.Group("NONE_REQUESTED", new ReferralFunnel.Count(null, true)));
  }

  @Nested
  class TheWaits {

    @Test
    void to_claim_are_the_quartiles_of_days_one_to_twenty() {
      // Twenty values 1..20: positions 4.75, 9.5 and 14.25 of 0..19 give 5.75, 10.5 and 15.25.
      ReferralFunnel.Wait claim = funnel.waits().get(0);
      assertThat(claim.referrals()).isEqualTo(20);
      assertThat(claim.lowerQuartile()).isCloseTo(5.75, within(1e-9));
      assertThat(claim.median()).isCloseTo(10.5, within(1e-9));
      assertThat(claim.upperQuartile()).isCloseTo(15.25, within(1e-9));
    }

    @Test
    void to_decision_are_thirty_days_for_the_twelve_decided() {
      ReferralFunnel.Wait decision = funnel.waits().get(1);
      assertThat(decision.referrals()).isEqualTo(12);
      assertThat(decision.median()).isCloseTo(30, within(1e-9));
    }

    @Test
    void are_not_given_from_fewer_than_ten_referrals() {
      ReferralFunnel.Wait wait = ReferralFunnel.of(referrals.subList(0, 9), REPORT).waits().get(0);
      assertThat(wait.suppressed()).isTrue();
      assertThat(wait.median()).isNull();
    }
  }
}
