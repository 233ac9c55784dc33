package org.matac.tracking.domain;

import java.util.List;
import org.matac.events.FieldError;

/**
 * Why a rule turned a command down, in words for the person who gave it, with the fields at fault:
 * whoever called (a page, an API client) says it in its own way, web as problem+json.
 */
public record Refusal(Kind kind, String message, List<FieldError> fields) {

  public enum Kind {
    /** The command no longer fits the state it would change. */
    CONFLICT,
    /** The command lacks something it needs, or names something that cannot be. */
    INCOMPLETE,
    /** The caller may not give this command here. */
    FORBIDDEN
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Kind.FORBIDDEN, message, List.of());
  }
}
