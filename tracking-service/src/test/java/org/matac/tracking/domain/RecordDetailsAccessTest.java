package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordDetailsAccessTest {

  private static final Map<String, Object> RELEASE_ON_BAIL =
      Map.of("status", "BAILED", "conditions", "not to contact Victimname Fakeperson");
  private static final Map<String, Object> ORDER =
      Map.of("orderRef", "DVPO-1", "orderType", "DVPO", "protectedVictimRef", "V-1");

  @Nested
  class ACaseworker {

    @Test
    void sees_the_offending_facts_but_not_bail_conditions() {
      assertThat(RecordDetailsAccess.visibleTo(Set.of("CASEWORKER"), RELEASE_ON_BAIL))
          .containsOnlyKeys("status");
    }

    @Test
    void sees_an_order_but_not_whom_it_protects() {
      assertThat(RecordDetailsAccess.visibleTo(Set.of("CASEWORKER"), ORDER))
          .containsOnlyKeys("orderRef", "orderType");
    }
  }

  @Test
  void an_analyst_sees_the_facts_only_as_well() {
    assertThat(
            RecordDetailsAccess.visibleTo(
                Set.of("ANALYST"), Map.of("victimRef", "V-1", "reason", "free text")))
        .isEmpty();
  }

  @Test
  void a_victim_safety_worker_and_a_coordinator_see_the_conditions_that_protect_the_victim() {
    assertThat(RecordDetailsAccess.visibleTo(Set.of("VICTIM_SAFETY_WORKER"), RELEASE_ON_BAIL))
        .isEqualTo(RELEASE_ON_BAIL);
    assertThat(RecordDetailsAccess.visibleTo(Set.of("MATAC_COORDINATOR"), ORDER)).isEqualTo(ORDER);
  }

  @Test
  void a_field_beyond_the_contract_is_shown_to_nobody() {
    assertThat(
            RecordDetailsAccess.visibleTo(
                Set.of("ADMIN"), Map.of("status", "RELEASED", "officerNotes", "anything")))
        .containsOnlyKeys("status");
  }
}
