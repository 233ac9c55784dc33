package org.matac.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.matac.events.FieldError;
import org.matac.support.refusal.Refused;

/**
 * Collects every problem with a request body before answering, so one 400 names each field that is
 * missing or malformed instead of the first only.
 */
public final class RequestChecks {

  private final List<FieldError> errors = new ArrayList<>();

  /** Answers whether the text is present; notes the field as required when it is not. */
  public boolean required(String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
      return false;
    }
    return true;
  }

  public boolean required(String field, Object value) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
      return false;
    }
    return true;
  }

  /** The constant named by a required text, or null after noting the constants it may be. */
  public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
    return required(field, value) ? optionalOneOf(field, value, type) : null;
  }

  /** Like {@link #oneOf} for a field that may be left out: null when absent. */
  public <E extends Enum<E>> E optionalOneOf(String field, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      errors.add(new FieldError(field, "must be one of " + allowed));
      return null;
    }
  }

  /** The date of a required ISO text like 2026-12-01, or null after noting the problem. */
  public LocalDate date(String field, String value) {
    return required(field, value) ? optionalDate(field, value) : null;
  }

  public LocalDate optionalDate(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date like 2026-12-01"));
      return null;
    }
  }

  /** The instant of an optional RFC 3339 text, empty when absent or after noting the problem. */
  public Optional<Instant> optionalInstant(String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field, "must be an instant with Z or an offset, like 2026-12-01T09:00:00Z"));
      return Optional.empty();
    }
  }

  public void problem(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Answers 400 with every problem noted, if there is any. */
  public void answer() {
    if (!errors.isEmpty()) {
      throw Refused.invalid(
          errors.size() == 1
              ? "One field of the request needs correcting."
              : errors.size() + " fields of the request need correcting.",
          errors);
    }
  }
}
