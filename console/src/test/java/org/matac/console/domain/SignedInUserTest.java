package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignedInUserTest {

  private static SignedInUser with(String... roles) {
    return new SignedInUser("someone", Set.of(roles), "AGENCY", List.of("SOUTHAMPTON"));
  }

  @Test
  void each_role_starts_on_its_main_daily_task() {
    assertThat(with("MATAC_COORDINATOR").startPage()).isEqualTo("/rankings");
    assertThat(with("CASEWORKER").startPage()).isEqualTo("/referrals");
    assertThat(with("VICTIM_SAFETY_WORKER").startPage()).isEqualTo("/inbox");
    assertThat(with("PARTNER_PRACTITIONER").startPage()).isEqualTo("/actions");
    assertThat(with("ANALYST").startPage()).isEqualTo("/analysis");
    assertThat(with("ADMIN").startPage()).isEqualTo("/dead-letters");
    assertThat(with("AUDITOR").startPage()).isEqualTo("/audit");
  }

  @Test
  void someone_with_no_role_of_the_console_is_told_so() {
    assertThat(with("PARTNER_SYSTEM").startPage()).isEqualTo("/no-work");
  }

  @Test
  void the_navigation_offers_every_page_of_every_role_held() {
    assertThat(with("MATAC_COORDINATOR", "ANALYST").navigation())
        .extracting(SignedInUser.NavigationItem::href)
        .containsExactly(
            "/rankings", "/cycles", "/referrals", "/analysis", "/harm", "/measures", "/outcomes");
  }
}
