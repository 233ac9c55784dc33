package org.matac.console.backends;

/**
 * The signed-in person's own token, which every call to a service carries. A controller method that
 * takes one is bound it from the request by the web layer.
 */
public record SessionToken(String value) {

  @Override
  public String toString() {
    return "SessionToken[redacted]";
  }
}
