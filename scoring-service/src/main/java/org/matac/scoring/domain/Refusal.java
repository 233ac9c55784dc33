package org.matac.scoring.domain;

/**
 * Why a rule turned a command down, in words for the person who gave it: whoever called (a page, an
 * API client) says it in its own way, web as problem+json.
 */
public record Refusal(Kind kind, String message) {

  public enum Kind {
    /** The command names something that is not there. */
    NOT_FOUND,
    /** The command no longer fits the state it would change. */
    CONFLICT
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message);
  }
}
