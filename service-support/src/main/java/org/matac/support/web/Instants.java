package org.matac.support.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.matac.events.FieldError;
import org.matac.support.refusal.Refused;

/** Reads an RFC 3339 instant from a query parameter, naming the parameter when it cannot. */
public final class Instants {

  private Instants() {}

  public static Instant parse(String field, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw Refused.invalid(
          field + " is not an instant.",
          List.of(
              new FieldError(
                  field,
                  "must be an RFC 3339 instant with Z or an offset, like 2026-10-01T00:00:00Z")));
    }
  }
}
