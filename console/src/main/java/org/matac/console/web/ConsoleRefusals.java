package org.matac.console.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.ServiceUnavailable;

/**
 * Every refusal as a page a person can act on: who may not see what and whom to ask, what changed
 * under them, or which service is down. Never raw JSON, never a stack trace.
 */
public final class ConsoleRefusals {

  private ConsoleRefusals() {}

  /** A handler that answers with a problem page. */
  abstract static class ProblemPage<E extends Throwable>
      implements ExceptionHandler<E, MutableHttpResponse<?>> {

    protected final ProblemPages pages;

    ProblemPage(ProblemPages pages) {
      this.pages = pages;
    }
  }

  /** Not signed in: to the sign-in page. Signed in without the role: a page that says so. */
  @Singleton
  @Produces
  @Replaces(DefaultAuthorizationExceptionHandler.class)
  public static class NotAllowed extends ProblemPage<AuthorizationException> {

    public NotAllowed(ProblemPages pages) {
      super(pages);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
      if (!exception.isForbidden()) {
        return Page.seeOther("/sign-in");
      }
      return pages.render(
          request,
          HttpStatus.FORBIDDEN,
          "You cannot use this page",
          "This page is for people in another role.",
          "If your work needs it, ask your organisation's administrator for access.");
    }
  }

  @Singleton
  @Produces
  public static class Refused extends ProblemPage<ServiceRefusal> {

    public Refused(ProblemPages pages) {
      super(pages);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, ServiceRefusal refusal) {
      return switch (refusal.status()) {
        case 401 -> Page.seeOther("/sign-in");
        case 403 ->
            pages.render(
                request,
                HttpStatus.FORBIDDEN,
                "You cannot see this",
                refusal.detail(),
                "If you need to know, contact the agency named above, or ask your organisation's"
                    + " administrator.");
        case 404 ->
            pages.render(
                request,
                HttpStatus.NOT_FOUND,
                "Page not found",
                refusal.detail(),
                "Check the link, or go back to your start page.");
        case 409 ->
            pages.render(
                request,
                HttpStatus.CONFLICT,
                "This has changed since you opened it",
                refusal.detail(),
                "Go back, reload the page to see the latest, and try again.");
        default ->
            pages.render(
                request,
                HttpStatus.valueOf(refusal.status()),
                "This could not be done",
                refusal.detail(),
                "Go back and check what you entered.");
      };
    }
  }

  @Singleton
  @Produces
  public static class Unavailable extends ProblemPage<ServiceUnavailable> {

    public Unavailable(ProblemPages pages) {
      super(pages);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, ServiceUnavailable down) {
      return pages.render(
          request,
          HttpStatus.SERVICE_UNAVAILABLE,
          "Sorry, there is a problem with the service",
          "The "
              + down.service().name().toLowerCase()
              + " service did not answer. Nothing was changed.",
          "Try again in a few minutes. If it keeps happening, tell your service desk.");
    }
  }

  @Singleton
  @Produces
  public static class Expired extends ProblemPage<FormGuard.FormExpired> {

    public Expired(ProblemPages pages) {
      super(pages);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, FormGuard.FormExpired expired) {
      return pages.render(
          request,
          HttpStatus.FORBIDDEN,
          "This form has expired",
          "The form was sent without a valid form token, so nothing was changed.",
          "Go back, reload the page, and send the form again.");
    }
  }
}
