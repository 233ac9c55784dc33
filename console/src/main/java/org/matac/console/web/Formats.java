package org.matac.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * How the pages write dates, times and codes: the GOV.UK style ("2 December 2026 at 10:05am") in UK
 * time, and codes such as HAMPSHIRE_POLICE as words. Templates call it as {@code format}.
 */
public final class Formats {

  /** It holds nothing that changes: every page and controller shares one. */
  public static final Formats SHARED = new Formats();

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  public String date(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    try {
      return DATE.format(LocalDate.parse(text));
    } catch (DateTimeParseException notADate) {
      return dateTime(text);
    }
  }

  public String dateTime(Object value) {
    if (value == null) {
      return "";
    }
    try {
      var local = Instant.parse(value.toString()).atZone(UK);
      return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    } catch (DateTimeParseException unexpected) {
      return value.toString();
    }
  }

  /** Codes that are read as letters, and stay in capitals among words. */
  private static final Set<String> ACRONYMS =
      Set.of(
          "ABH", "GBH", "DASH", "MARAC", "MATAC", "IDVA", "PNC", "PPIT", "DVPN", "DVPO", "CPS",
          "RFGV", "CSV", "DVPP", "CARA");

  /** HAMPSHIRE_POLICE as "Hampshire police", GBH as "GBH", for codes shown to people. */
  public String words(Object code) {
    if (code == null) {
      return "";
    }
    String[] parts = code.toString().split("_");
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(ACRONYMS.contains(part) ? part : part.toLowerCase(Locale.UK));
    }
    return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A share from 0 to 1 as a whole percentage: 0.8705 as "87%". */
  public String percent(Object share) {
    if (!(share instanceof Number number)) {
      return "";
    }
    return Math.round(number.doubleValue() * 100) + "%";
  }

  /** A figure such as a Gini coefficient to two decimal places: 0.4349 as "0.43". */
  public String twoPlaces(Object value) {
    if (!(value instanceof Number number)) {
      return "";
    }
    return String.format(Locale.UK, "%.2f", number.doubleValue());
  }
}
