package org.matac.support.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries: these APIs serve JSON about people at risk, so nothing may be
 * cached, sniffed into another type, framed, or sent on as a referrer.
 */
// Outermost, so refusals by the security filter carry the headers too.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

  @ResponseFilter
  public void addSecurityHeaders(MutableHttpResponse<?> response) {
    response.header("X-Content-Type-Options", "nosniff");
    response.header("X-Frame-Options", "DENY");
    response.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    response.header("Referrer-Policy", "no-referrer");
    response.header("Cache-Control", "no-store");
    response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}
