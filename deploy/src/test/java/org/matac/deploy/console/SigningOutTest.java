package org.matac.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.deploy.LocalStack;
import org.matac.deploy.RunningStack;

/** Signing out ends the session: the next page asks to sign in again. */
@ExtendWith(RunningStack.class)
class SigningOutTest {

  @Test
  void after_signing_out_a_page_sends_the_person_to_sign_in_again() {
    try (Browser browser = Browser.open(RunningStack.stack().url(LocalStack.Service.CONSOLE))) {
      browser.signInAs("caseworker-signing-out", "Caseworker", "HAMPTON_TRUST", "Southampton");

      browser.press("Sign out");

      assertThat(browser.heading()).isEqualTo("You have signed out");
      browser.checkPage("signed-out");
      browser.visit("/referrals");
      assertThat(browser.path()).isEqualTo("/sign-in");
    }
  }
}
