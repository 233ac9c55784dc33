package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.FieldError;
import org.matac.tracking.domain.Referral.Decision;
import org.matac.tracking.domain.Referral.Rating;
import org.matac.tracking.domain.Referral.Status;

class ReferralTest {

  private static final List<String> TOOL = List.of("RECENT_OFFENDING", "ESCALATING_OFFENDING");
  private static final Map<String, Rating> RATED =
      Map.of("RECENT_OFFENDING", Rating.CRITICAL, "ESCALATING_OFFENDING", Rating.NOT_PRESENT);

  /** A programme referral in Southampton, with consent to share unless said otherwise. */
  private static Referral referral(Status status, String claimedBy) {
    return referral(status, claimedBy, true);
  }

  private static Referral referral(Status status, String claimedBy, boolean consentToShare) {
    Instant received = Instant.parse("2026-11-02T09:00:00Z");
    return new Referral(
        UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
        UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
        "HAMPTON_TRUST",
        "SOUTHAMPTON",
        "REF-1",
        "HAMPSHIRE_POLICE",
        "repeat incidents",
        "DVPP",
        consentToShare,
        null,
        null,
        null,
        status,
        claimedBy,
        null,
        null,
        null,
        null,
        null,
        1,
        received,
        received);
  }

  private static List<String> fields(Optional<Refusal> refusal) {
    return refusal.map(Refusal::fields).orElse(List.of()).stream().map(FieldError::field).toList();
  }

  @Nested
  class Claiming {

    @Test
    void is_possible_only_for_a_new_referral() {
      assertThat(referral(Status.NEW, null).claim()).isEmpty();
      assertThat(fields(referral(Status.CLAIMED, "cw-1").claim())).containsExactly("status");
    }

    @Test
    void names_who_has_it_when_it_is_taken() {
      assertThat(referral(Status.CLAIMED, "cw-1").claim().get().fields().get(0).message())
          .startsWith("already claimed by cw-1");
    }

    @Test
    void when_taken_is_a_conflict_the_caller_can_only_read_again() {
      assertThat(referral(Status.CLAIMED, "cw-1").claim().get().kind())
          .isEqualTo(Refusal.Kind.CONFLICT);
    }
  }

  @Nested
  class Screening {

    @Test
    void records_a_full_rating_by_the_claimant_with_consent() {
      assertThat(referral(Status.CLAIMED, "cw-1").screenBy("cw-1", TOOL, RATED, true)).isEmpty();
    }

    @Test
    void is_refused_without_consent_or_a_lawful_basis() {
      assertThat(
              fields(referral(Status.CLAIMED, "cw-1", false).screenBy("cw-1", TOOL, RATED, true)))
          .containsExactly("consentToShare");
    }

    @Test
    void is_refused_to_anyone_but_the_claimant() {
      assertThat(fields(referral(Status.CLAIMED, "cw-1").screenBy("cw-2", TOOL, RATED, true)))
          .containsExactly("claimedBy");
    }

    @Test
    void needs_every_item_of_the_tool_and_no_other_and_the_practitioners_judgement() {
      var refusal =
          referral(Status.CLAIMED, "cw-1")
              .screenBy(
                  "cw-1",
                  TOOL,
                  Map.of("RECENT_OFFENDING", Rating.PRESENT, "ASTROLOGY", Rating.PRESENT),
                  null);

      assertThat(fields(refusal))
          .containsExactlyInAnyOrder(
              "ratings.ESCALATING_OFFENDING", "ratings.ASTROLOGY", "priority");
      assertThat(refusal.get().kind()).isEqualTo(Refusal.Kind.INCOMPLETE);
    }
  }

  @Nested
  class Deciding {

    @Test
    void accepts_onto_a_named_pathway() {
      Referral screened = referral(Status.SCREENED, "cw-1");

      assertThat(screened.decideBy("cw-1", Decision.ACCEPT, "DVPP", null)).isEmpty();
      assertThat(fields(screened.decideBy("cw-1", Decision.ACCEPT, null, null)))
          .containsExactly("pathway");
    }

    @Test
    void closes_only_with_an_outcome() {
      assertThat(
              fields(referral(Status.SCREENED, "cw-1").decideBy("cw-1", Decision.CLOSE, null, " ")))
          .containsExactly("outcome");
    }

    @Test
    void comes_only_after_screening() {
      assertThat(
              fields(
                  referral(Status.CLAIMED, "cw-1").decideBy("cw-1", Decision.DECLINE, null, null)))
          .containsExactly("status");
    }
  }

  @Nested
  class Working {

    @Test
    void is_for_the_receiving_agency_in_its_own_areas() {
      Referral referral = referral(Status.NEW, null);

      assertThat(referral.workableFrom("HAMPTON_TRUST", List.of("SOUTHAMPTON"))).isEmpty();
      assertThat(referral.workableFrom("MATAC", List.of("SOUTHAMPTON")))
          .map(Refusal::kind)
          .contains(Refusal.Kind.FORBIDDEN);
      assertThat(referral.workableFrom("HAMPTON_TRUST", List.of("PORTSMOUTH")))
          .map(Refusal::message)
          .contains("You do not work area SOUTHAMPTON.");
    }
  }

  @Test
  void routes_matac_referrals_to_coordinators_and_the_rest_to_the_programme() {
    assertThat(Referral.receivingAgency("MATAC", "HAMPTON_TRUST")).isEqualTo("MATAC");
    assertThat(Referral.receivingAgency("DVPP", "HAMPTON_TRUST")).isEqualTo("HAMPTON_TRUST");
    assertThat(Referral.receivingAgency(null, "HAMPTON_TRUST")).isEqualTo("HAMPTON_TRUST");
  }

  @Test
  void a_decision_leaves_the_status_it_names() {
    assertThat(List.of(Decision.values()).stream().map(Decision::statusAfter))
        .containsExactly(Status.ACCEPTED, Status.DECLINED, Status.CLOSED);
  }
}
