package org.matac.console.web;

import java.util.List;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.domain.SignedInUser;

/** Which of the signed-in person's areas a page shows: the one asked for, or their first. */
final class Areas {

  private Areas() {}

  static String chosen(SignedInUser user, String asked) {
    if (asked != null && user.areas().contains(asked)) {
      return asked;
    }
    if (user.areas().isEmpty()) {
      throw new ServiceRefusal(
          null,
          403,
          "Your account is not set up for any area, so there is no list to show.",
          List.of());
    }
    return user.areas().get(0);
  }
}
