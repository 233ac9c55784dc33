package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WhoAssignsWorkersTest {

  @Nested
  class AnAssignment {

    @Test
    void by_the_workers_own_agency_is_allowed() {
      assertThat(WhoAssignsWorkers.assignment("SOUTHAMPTON_IDVA", "SOUTHAMPTON_IDVA")).isEmpty();
    }

    @Test
    void naming_another_agencys_worker_is_refused_on_the_worker_agency_field() {
      assertThat(WhoAssignsWorkers.assignment("HAMPTON_TRUST", "SOUTHAMPTON_IDVA"))
          .hasValueSatisfying(
              refusal -> {
                assertThat(refusal.field()).isEqualTo("payload.workerAgency");
                assertThat(refusal.message())
                    .contains("must be your own agency, HAMPTON_TRUST")
                    .contains("ask SOUTHAMPTON_IDVA");
              });
    }
  }

  @Nested
  class AnUnassignment {

    @Test
    void by_the_agency_that_assigned_the_worker_is_allowed() {
      assertThat(
              WhoAssignsWorkers.unassignment(
                  "SOUTHAMPTON_IDVA", "worker-1", Set.of("SOUTHAMPTON_IDVA")))
          .isEmpty();
    }

    @Test
    void of_a_worker_only_another_agency_assigned_is_refused_on_the_worker_id_field() {
      assertThat(
              WhoAssignsWorkers.unassignment(
                  "HAMPTON_TRUST", "worker-1", Set.of("SOUTHAMPTON_IDVA")))
          .hasValueSatisfying(
              refusal -> {
                assertThat(refusal.field()).isEqualTo("payload.workerId");
                assertThat(refusal.message()).contains("worker-1 belongs to another agency");
              });
    }

    @Test
    void of_a_worker_nobody_has_assigned_is_allowed_because_it_may_arrive_first() {
      assertThat(WhoAssignsWorkers.unassignment("HAMPTON_TRUST", "worker-1", Set.of())).isEmpty();
    }
  }
}
