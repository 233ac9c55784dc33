package org.matac.console.backends;

/** A service did not answer: the page says which, and that nothing was changed by the attempt. */
public class ServiceUnavailable extends RuntimeException {

  private final Service service;

  public ServiceUnavailable(Service service, Throwable cause) {
    super(service + " did not answer", cause);
    this.service = service;
  }

  public Service service() {
    return service;
  }
}
