package org.matac.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.matac.events.FieldError;

/**
 * An RFC 9457 problem, the body of every error answer. {@code errors} names each offending field so
 * that a partner can fix its mapping without reading our logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail) {
    return new Problem("about:blank", title, status, detail, List.of());
  }
}
