package org.matac.console.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * What the framework itself would answer as JSON (no such page, a wrong method, a fault) is a page
 * in plain words instead: people never see a stack trace or an error object.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ErrorPages implements ErrorResponseProcessor<Writable> {

  private final ProblemPages pages;

  public ErrorPages(ProblemPages pages) {
    this.pages = pages;
  }

  @Override
  public MutableHttpResponse<Writable> processResponse(
      ErrorContext errorContext, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    if (status == HttpStatus.NOT_FOUND) {
      return pages.render(
          errorContext.getRequest(),
          status,
          "Page not found",
          "If you typed the web address, check it is correct. If you pasted it, check you copied"
              + " the entire address.",
          "Go back to your start page and follow the links from there.");
    }
    if (status.getCode() < 500) {
      return pages.render(
          errorContext.getRequest(),
          status,
          "This could not be done",
          "The page could not handle what was sent, so nothing was changed.",
          "Go back, reload the page and try again.");
    }
    return pages.render(
        errorContext.getRequest(),
        status,
        "Sorry, there is a problem with the service",
        "Something went wrong on our side. Nothing was changed.",
        "Try again later. If it keeps happening, tell your service desk.");
  }
}
