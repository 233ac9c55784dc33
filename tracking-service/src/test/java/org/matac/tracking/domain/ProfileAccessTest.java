package org.matac.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileAccessTest {

  private static final ProfileAccess.Reach REACH =
      new ProfileAccess.Reach(
          Set.of("SOUTHAMPTON"),
          Set.of(new ProfileAccess.Queue("HAMPTON_TRUST", "SOUTHAMPTON")),
          Set.of("idva-1"));

  private static boolean may(String role, String subject, String agency, String... areas) {
    return ProfileAccess.mayRead(Set.of(role), subject, agency, List.of(areas), REACH);
  }

  @Test
  void analysts_and_admins_read_every_profile() {
    assertThat(may("ANALYST", "a", "HAMPSHIRE_POLICE")).isTrue();
    assertThat(may("ADMIN", "a", "HAMPSHIRE_POLICE")).isTrue();
  }

  @Test
  void a_coordinator_reads_profiles_with_an_incident_in_their_areas_only() {
    assertThat(may("MATAC_COORDINATOR", "c", "COUNCIL", "SOUTHAMPTON")).isTrue();
    assertThat(may("MATAC_COORDINATOR", "c", "COUNCIL", "PORTSMOUTH")).isFalse();
  }

  @Test
  void a_caseworker_reads_profiles_referred_to_their_agency_in_their_areas_only() {
    assertThat(may("CASEWORKER", "w", "HAMPTON_TRUST", "SOUTHAMPTON")).isTrue();
    assertThat(may("CASEWORKER", "w", "HAMPTON_TRUST", "PORTSMOUTH")).isFalse();
    assertThat(may("CASEWORKER", "w", "ANOTHER_CHARITY", "SOUTHAMPTON")).isFalse();
  }

  @Test
  void a_victim_safety_worker_reads_only_perpetrators_linked_to_their_victims() {
    assertThat(may("VICTIM_SAFETY_WORKER", "idva-1", "SOUTHAMPTON_IDVA")).isTrue();
    assertThat(may("VICTIM_SAFETY_WORKER", "idva-2", "SOUTHAMPTON_IDVA")).isFalse();
  }

  @Test
  void a_partner_system_reads_no_profile() {
    assertThat(may("PARTNER_SYSTEM", "s", "HAMPSHIRE_POLICE", "SOUTHAMPTON")).isFalse();
  }

  @Test
  void the_parts_of_reach_a_role_needs_decide_exactly_as_the_whole_reach_does() {
    ProfileAccess.Reach queueInMatac =
        new ProfileAccess.Reach(
            Set.of(), Set.of(new ProfileAccess.Queue("MATAC", "SOUTHAMPTON")), Set.of());
    for (ProfileAccess.Reach reach : List.of(REACH, queueInMatac)) {
      for (String role :
          List.of("ANALYST", "ADMIN", "MATAC_COORDINATOR", "CASEWORKER", "VICTIM_SAFETY_WORKER")) {
        ProfileAccess.Needs needs = ProfileAccess.needs(Set.of(role));
        ProfileAccess.Reach needed =
            new ProfileAccess.Reach(
                needs.incidentAreas() ? reach.incidentAreas() : Set.of(),
                needs.referralQueues() ? reach.referralQueues() : Set.of(),
                needs.assignedWorkers() ? reach.assignedWorkers() : Set.of());

        assertThat(
                ProfileAccess.mayRead(
                    Set.of(role), "idva-1", "HAMPTON_TRUST", List.of("SOUTHAMPTON"), needed))
            .as(role)
            .isEqualTo(
                ProfileAccess.mayRead(
                    Set.of(role), "idva-1", "HAMPTON_TRUST", List.of("SOUTHAMPTON"), reach));
      }
    }
  }

  @Test
  void an_analyst_needs_no_lookup_and_a_coordinator_no_worker_assignments() {
    assertThat(ProfileAccess.needs(Set.of("ANALYST")))
        .isEqualTo(new ProfileAccess.Needs(false, false, false));
    assertThat(ProfileAccess.needs(Set.of("MATAC_COORDINATOR")).assignedWorkers()).isFalse();
  }
}
