package org.matac.support.problem;

import java.util.List;
import org.matac.events.FieldError;

/** Thrown by use cases and controllers to answer with a specific problem. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.title(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String detail, List<FieldError> errors) {
    return new ProblemException(
        new Problem("about:blank", "Invalid request", 400, detail, List.copyOf(errors)));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not found", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "Forbidden", detail));
  }

  /** Refused for who is asking, with the field that shows it, so the sender knows what to fix. */
  public static ProblemException forbidden(String detail, List<FieldError> errors) {
    return new ProblemException(
        new Problem("about:blank", "Forbidden", 403, detail, List.copyOf(errors)));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "Conflict", detail));
  }
}
