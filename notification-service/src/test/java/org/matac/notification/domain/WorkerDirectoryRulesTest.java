package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkerDirectoryRulesTest {

  @Nested
  class AChangeToAnEntry {

    @Test
    void by_the_agency_that_keeps_it_is_allowed() {
      assertThat(WorkerDirectoryRules.refusal("SOUTHAMPTON_IDVA", Optional.of("SOUTHAMPTON_IDVA")))
          .isEmpty();
    }

    @Test
    void of_a_worker_not_yet_in_any_directory_is_allowed() {
      assertThat(WorkerDirectoryRules.refusal("SOUTHAMPTON_IDVA", Optional.empty())).isEmpty();
    }

    @Test
    void by_another_agency_is_refused_naming_the_agency_that_keeps_it() {
      assertThat(WorkerDirectoryRules.refusal("HAMPTON_TRUST", Optional.of("SOUTHAMPTON_IDVA")))
          .hasValueSatisfying(refusal -> assertThat(refusal).contains("SOUTHAMPTON_IDVA's"));
    }
  }

  @Nested
  class AnAddress {

    @Test
    void like_name_at_domain_is_accepted() {
      assertThat(WorkerDirectoryRules.addressProblem("idva.worker@idva.example")).isEmpty();
    }

    @Test
    void without_a_domain_or_with_spaces_is_refused() {
      assertThat(WorkerDirectoryRules.addressProblem("idva.worker")).isPresent();
      assertThat(WorkerDirectoryRules.addressProblem("idva worker@idva.example")).isPresent();
      assertThat(WorkerDirectoryRules.addressProblem("idva@localhost")).isPresent();
    }

    @Test
    void longer_than_smtp_carries_is_refused() {
      String tooLong = "a".repeat(250) + "@x.example";

      assertThat(WorkerDirectoryRules.addressProblem(tooLong))
          .hasValue("must be at most 254 characters");
    }
  }
}
