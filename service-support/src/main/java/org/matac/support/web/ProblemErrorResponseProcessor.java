package org.matac.support.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;
import org.matac.events.FieldError;
import org.matac.support.problem.Problem;

/**
 * Answers every error the framework raises itself (unknown route, unreadable body, refused request)
 * as problem+json. Only the framework's own short messages are shown: never a stack trace or an
 * exception's text, which could quote personal data.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext errorContext, MutableHttpResponse<?> response) {
    int status = response.code();
    String title = response.reason();
    String detail = status >= 500 ? "The request could not be completed." : title;
    List<FieldError> errors =
        status >= 500
            ? List.of()
            : errorContext.getErrors().stream()
                .map(
                    (Error error) ->
                        new FieldError(error.getPath().orElse("request"), error.getMessage()))
                .toList();
    return response
        .contentType(Problem.MEDIA_TYPE)
        .body(new Problem("about:blank", title, status, detail, errors));
  }
}
