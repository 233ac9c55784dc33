package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.tracking.domain.ReferralRules.Rating;
import org.matac.tracking.domain.ReferralRules.Status;

class ReferralRulesTest {

  private static final List<String> TOOL = List.of("RECENT_OFFENDING", "ESCALATING_OFFENDING");
  private static final Map<String, Rating> RATED =
      Map.of("RECENT_OFFENDING", Rating.CRITICAL, "ESCALATING_OFFENDING", Rating.NOT_PRESENT);

  private static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Nested
  class Claiming {

    @Test
    void is_possible_only_for_a_new_referral() {
      assertThat(ReferralRules.claim(Status.NEW, null)).isEmpty();
      assertThat(fields(ReferralRules.claim(Status.CLAIMED, "cw-1"))).containsExactly("status");
    }

    @Test
    void names_who_has_it_when_it_is_taken() {
      assertThat(ReferralRules.claim(Status.CLAIMED, "cw-1").get(0).message())
          .startsWith("already claimed by cw-1");
    }
  }

  @Nested
  class Screening {

    @Test
    void records_a_full_rating_by_the_claimant_with_consent() {
      assertThat(ReferralRules.screen(Status.CLAIMED, "cw-1", "cw-1", true, TOOL, RATED, true))
          .isEmpty();
    }

    @Test
    void is_refused_without_consent_or_a_lawful_basis() {
      assertThat(
              fields(
                  ReferralRules.screen(Status.CLAIMED, "cw-1", "cw-1", false, TOOL, RATED, true)))
          .containsExactly("consentToShare");
    }

    @Test
    void is_refused_to_anyone_but_the_claimant() {
      assertThat(
              fields(ReferralRules.screen(Status.CLAIMED, "cw-1", "cw-2", true, TOOL, RATED, true)))
          .containsExactly("claimedBy");
    }

    @Test
    void needs_every_item_of_the_tool_and_no_other_and_the_practitioners_judgement() {
      var errors =
          ReferralRules.screen(
              Status.CLAIMED,
              "cw-1",
              "cw-1",
              true,
              TOOL,
              Map.of("RECENT_OFFENDING", Rating.PRESENT, "ASTROLOGY", Rating.PRESENT),
              null);

      assertThat(fields(errors))
          .containsExactlyInAnyOrder(
              "ratings.ESCALATING_OFFENDING", "ratings.ASTROLOGY", "priority");
    }
  }

  @Nested
  class Deciding {

    @Test
    void accepts_onto_a_named_pathway() {
      assertThat(
              ReferralRules.decide(
                  Status.SCREENED, "cw-1", "cw-1", ReferralRules.Decision.ACCEPT, "DVPP", null))
          .isEmpty();
      assertThat(
              fields(
                  ReferralRules.decide(
                      Status.SCREENED, "cw-1", "cw-1", ReferralRules.Decision.ACCEPT, null, null)))
          .containsExactly("pathway");
    }

    @Test
    void closes_only_with_an_outcome() {
      assertThat(
              fields(
                  ReferralRules.decide(
                      Status.SCREENED, "cw-1", "cw-1", ReferralRules.Decision.CLOSE, null, " ")))
          .containsExactly("outcome");
    }

    @Test
    void comes_only_after_screening() {
      assertThat(
              fields(
                  ReferralRules.decide(
                      Status.CLAIMED, "cw-1", "cw-1", ReferralRules.Decision.DECLINE, null, null)))
          .containsExactly("status");
    }
  }

  @Test
  void routes_matac_referrals_to_coordinators_and_the_rest_to_the_programme() {
    assertThat(ReferralRules.receivingAgency("MATAC", "HAMPTON_TRUST")).isEqualTo("MATAC");
    assertThat(ReferralRules.receivingAgency("DVPP", "HAMPTON_TRUST")).isEqualTo("HAMPTON_TRUST");
    assertThat(ReferralRules.receivingAgency(null, "HAMPTON_TRUST")).isEqualTo("HAMPTON_TRUST");
  }
}
