package org.matac.events;

/**
 * One reason something was refused: the path of the field at fault (as JSON names it, {@code
 * payload.victims[0].victimRef}) and what is wrong with it, in words that say what to do. The same
 * shape in an intake result, a problem+json body and a domain refusal.
 */
public record FieldError(String field, String message) {}
