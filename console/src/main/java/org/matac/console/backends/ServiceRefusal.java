package org.matac.console.backends;

import java.util.List;
import org.matac.events.FieldError;

/**
 * A service said no: its status and its problem+json, kept so that a page can say what happened and
 * what to do next in plain words, never as raw JSON.
 */
public class ServiceRefusal extends RuntimeException {

  private final Service service;
  private final int status;
  private final String detail;
  private final List<FieldError> fieldErrors;

  public ServiceRefusal(Service service, int status, String detail, List<FieldError> fieldErrors) {
    super(service + " answered " + status + ": " + detail);
    this.service = service;
    this.status = status;
    this.detail = detail;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public Service service() {
    return service;
  }

  public int status() {
    return status;
  }

  /** The service's own sentence about it, written for people (problem+json {@code detail}). */
  public String detail() {
    return detail;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public boolean isConflict() {
    return status == 409;
  }
}
