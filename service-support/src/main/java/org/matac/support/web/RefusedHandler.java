package org.matac.support.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.matac.support.problem.Problem;
import org.matac.support.refusal.Refused;

/** A use case's refusal as problem+json, the status saying which kind of refusal it is. */
@Singleton
public class RefusedHandler implements ExceptionHandler<Refused, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, Refused refused) {
    Problem problem = problemOf(refused);
    return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
  }

  static Problem problemOf(Refused refused) {
    return switch (refused.reason()) {
      case INVALID -> problem(400, "Invalid request", refused);
      case FORBIDDEN -> problem(403, "Forbidden", refused);
      case NOT_FOUND -> problem(404, "Not found", refused);
      case CONFLICT -> problem(409, "Conflict", refused);
    };
  }

  private static Problem problem(int status, String title, Refused refused) {
    return new Problem("about:blank", title, status, refused.getMessage(), refused.fields());
  }
}
