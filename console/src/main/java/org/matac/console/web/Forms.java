package org.matac.console.web;

/** What every form handler does to a posted answer before a service sees it. */
final class Forms {

  private Forms() {}

  /** An empty answer is no answer: the service then says what is missing. */
  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A value from a service's answer as text, empty when absent. */
  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
