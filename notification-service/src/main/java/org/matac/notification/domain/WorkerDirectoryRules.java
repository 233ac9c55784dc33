package org.matac.notification.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each agency keeps its own workers' entries: the address a worker's notices go to is one their own
 * agency vouched for. An entry another agency keeps is not another admin's to change.
 */
public final class WorkerDirectoryRules {

  /** The longest address SMTP carries (RFC 5321's path limit, less the angle brackets). */
  public static final int LONGEST_ADDRESS = 254;

  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  private WorkerDirectoryRules() {}

  /** Why an admin of {@code adminAgency} may not change the entry, if they may not. */
  public static Optional<String> refusal(String adminAgency, Optional<String> keptBy) {
    return keptBy
        .filter(agency -> !agency.equals(adminAgency))
        .map(
            agency ->
                "this worker is in "
                    + agency
                    + "'s directory: only that agency's admins can change their entry");
  }

  /** What is wrong with {@code address} as a worker's e-mail address, if anything. */
  public static Optional<String> addressProblem(String address) {
    if (address.length() > LONGEST_ADDRESS) {
      return Optional.of("must be at most " + LONGEST_ADDRESS + " characters");
    }
    if (!ADDRESS.matcher(address).matches()) {
      return Optional.of("must be an e-mail address like name@agency.example");
    }
    return Optional.empty();
  }
}
