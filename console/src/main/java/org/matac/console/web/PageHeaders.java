package org.matac.console.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Headers every page carries. The pages show people at risk: nothing may be cached, framed, sent on
 * as a referrer, or run as script unless this console served it; the one inline script (GOV.UK
 * Frontend's "JavaScript is on" marker) runs by a nonce made fresh for each page.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class PageHeaders {

  /** The request attribute that holds this page's script nonce. */
  public static final String NONCE = "matac.console.csp-nonce";

  private static final SecureRandom RANDOM = new SecureRandom();

  @RequestFilter
  public void makeNonce(HttpRequest<?> request) {
    byte[] nonce = new byte[18];
    RANDOM.nextBytes(nonce);
    request.setAttribute(NONCE, Base64.getEncoder().encodeToString(nonce));
  }

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String nonce = request.getAttribute(NONCE, String.class).orElse("");
    response.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'nonce-"
            + nonce
            + "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    response.header("X-Content-Type-Options", "nosniff");
    response.header("X-Frame-Options", "DENY");
    // Not no-referrer: with it a browser sends "Origin: null" on form posts, which the server
    // refuses as a cross-origin request. Within the console the address holds no personal data.
    response.header("Referrer-Policy", "same-origin");
    response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (!request.getPath().startsWith("/static/")) {
      response.header("Cache-Control", "no-store");
    }
  }
}
