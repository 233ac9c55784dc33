package org.matac.support.refusal;

import java.util.List;
import org.matac.events.FieldError;

/**
 * A request turned down, by a controller or a use case, for a reason the caller can act on: it is
 * invalid, not theirs to make, about something not there, or no longer fits what it would change.
 * Whoever called says it in its own way: web as problem+json, a consumer as a dead letter (a
 * message refused for its content is refused again however often it is tried).
 */
public class Refused extends RuntimeException {

  public enum Reason {
    INVALID,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT
  }

  private final Reason reason;
  private final transient List<FieldError> fields;

  public Refused(Reason reason, String detail, List<FieldError> fields) {
    super(detail, null, false, false);
    this.reason = reason;
    this.fields = List.copyOf(fields);
  }

  public Reason reason() {
    return reason;
  }

  /** The fields at fault, each with what is wrong with it; empty when the request as a whole is. */
  public List<FieldError> fields() {
    return fields;
  }

  public static Refused invalid(String detail, List<FieldError> fields) {
    return new Refused(Reason.INVALID, detail, fields);
  }

  public static Refused forbidden(String detail) {
    return new Refused(Reason.FORBIDDEN, detail, List.of());
  }

  /** Refused for who is asking, with the field that shows it, so the sender knows what to fix. */
  public static Refused forbidden(String detail, List<FieldError> fields) {
    return new Refused(Reason.FORBIDDEN, detail, fields);
  }

  public static Refused notFound(String detail) {
    return new Refused(Reason.NOT_FOUND, detail, List.of());
  }

  public static Refused conflict(String detail) {
    return new Refused(Reason.CONFLICT, detail, List.of());
  }

  public static Refused conflict(String detail, List<FieldError> fields) {
    return new Refused(Reason.CONFLICT, detail, fields);
  }
}
