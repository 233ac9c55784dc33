package org.matac.tracking.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Police National Computer id in its normalised form {@code YYYY/NNNNNNNL}: four-digit year,
 * seven-digit zero-padded serial, upper-case check letter.
 */
public record PncId(String value) {

  private static final Pattern ACCEPTED = Pattern.compile("^(\\d{2}|\\d{4})/(\\d{1,7})([A-Za-z])$");

  /**
   * Normalises {@code raw} as the contract says: a two-digit year YY means 20YY unless that is
   * after {@code recordedYear} (the year of the event's recordedAt), then 19YY. Empty when {@code
   * raw} is not in an accepted form.
   */
  public static Optional<PncId> normalise(String raw, int recordedYear) {
    Matcher matcher = ACCEPTED.matcher(raw);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String year = matcher.group(1);
    int fullYear = Integer.parseInt(year);
    if (year.length() == 2) {
      fullYear = 2000 + fullYear > recordedYear ? 1900 + fullYear : 2000 + fullYear;
    }
    String serial = "0".repeat(7 - matcher.group(2).length()) + matcher.group(2);
    return Optional.of(
        new PncId(String.format("%04d/%s%s", fullYear, serial, matcher.group(3).toUpperCase())));
  }

  @Override
  public String toString() {
    return value;
  }
}
