package org.matac.support.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import java.net.URI;

/**
 * Fails the start of a service that would not know whom to trust. Outside the local environment a
 * JWKS URL must be configured, and it may not be the development issuer's loopback address.
 */
@Context
public class TokenTrustCheck {

  public TokenTrustCheck(
      @Value("${matac.security.jwks-url:}") String jwksUrl, Environment environment) {
    if (jwksUrl.isBlank()) {
      throw new IllegalStateException(
          "matac.security.jwks-url (JWKS_URL) is not set: the service cannot validate tokens");
    }
    boolean local =
        environment.getActiveNames().contains("local")
            || environment.getActiveNames().contains(Environment.TEST);
    String host = URI.create(jwksUrl).getHost();
    boolean loopback = "localhost".equals(host) || (host != null && host.startsWith("127."));
    if (loopback && !local) {
      throw new IllegalStateException(
          "JWKS_URL points at a loopback development issuer outside the local environment;"
              + " configure the partnership's identity provider");
    }
  }
}
