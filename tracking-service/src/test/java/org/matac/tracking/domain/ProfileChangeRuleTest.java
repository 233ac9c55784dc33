package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged.ChangeKind;

class ProfileChangeRuleTest {

  private static final String INCIDENT = EventType.INCIDENT_REPORTED.name();
  private static final String ORDER = EventType.PROTECTIVE_ORDER_ISSUED.name();

  @Nested
  class A_version_that_became_current {

    @Test
    void is_a_recorded_incident_the_first_time_and_a_correction_after() {
      assertThat(ProfileChangeRule.ofCurrent(EventType.INCIDENT_REPORTED, INCIDENT, true))
          .contains(ChangeKind.INCIDENT_RECORDED);
      assertThat(ProfileChangeRule.ofCurrent(EventType.INCIDENT_REPORTED, INCIDENT, false))
          .contains(ChangeKind.INCIDENT_CORRECTED);
    }

    @Test
    void of_any_other_record_is_an_added_record_the_first_time_and_a_correction_after() {
      assertThat(ProfileChangeRule.ofCurrent(EventType.PROTECTIVE_ORDER_ISSUED, ORDER, true))
          .contains(ChangeKind.RECORD_ADDED);
      assertThat(ProfileChangeRule.ofCurrent(EventType.PARTNER_REFERRAL, "PARTNER_REFERRAL", false))
          .contains(ChangeKind.RECORD_CORRECTED);
    }

    @Test
    void that_withdraws_an_incident_or_another_record_says_which() {
      assertThat(ProfileChangeRule.ofCurrent(EventType.RECORD_WITHDRAWN, INCIDENT, false))
          .contains(ChangeKind.INCIDENT_WITHDRAWN);
      assertThat(ProfileChangeRule.ofCurrent(EventType.RECORD_WITHDRAWN, ORDER, false))
          .contains(ChangeKind.RECORD_WITHDRAWN);
    }

    @Test
    void about_a_worker_assignment_leaves_the_profile_as_it_is_even_when_withdrawn() {
      String assigned = EventType.SAFETY_WORKER_ASSIGNED.name();
      String unassigned = EventType.SAFETY_WORKER_UNASSIGNED.name();

      assertThat(ProfileChangeRule.ofCurrent(EventType.SAFETY_WORKER_ASSIGNED, assigned, true))
          .isEmpty();
      assertThat(ProfileChangeRule.ofCurrent(EventType.SAFETY_WORKER_UNASSIGNED, unassigned, true))
          .isEmpty();
      assertThat(ProfileChangeRule.ofCurrent(EventType.RECORD_WITHDRAWN, assigned, false))
          .isEmpty();
      assertThat(ProfileChangeRule.ofCurrent(EventType.RECORD_WITHDRAWN, unassigned, false))
          .isEmpty();
    }
  }

  @Nested
  class A_version_older_than_the_current_one {

    @Test
    void changes_the_past_of_an_incident_or_a_justice_outcome() {
      assertThat(ProfileChangeRule.ofEarlier(INCIDENT))
          .contains(ChangeKind.EARLIER_VERSION_RECORDED);
      assertThat(ProfileChangeRule.ofEarlier(EventType.JUSTICE_OUTCOME_RECORDED.name()))
          .contains(ChangeKind.EARLIER_VERSION_RECORDED);
    }

    @Test
    void of_any_other_record_changes_nothing_anyone_reads() {
      assertThat(ProfileChangeRule.ofEarlier(ORDER)).isEmpty();
    }
  }
}
