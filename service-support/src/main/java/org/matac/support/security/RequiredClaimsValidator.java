package org.matac.support.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Date;

/**
 * Closes a gap of the security library in use: it treats a token without {@code exp} as valid
 * forever. Every token must carry {@code sub}, {@code iss}, {@code aud} and {@code exp}, and may
 * live at most {@code matac.security.max-token-lifetime}.
 */
@Singleton
public class RequiredClaimsValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

  private final Duration maximumLifetime;

  public RequiredClaimsValidator(
      @Value("${matac.security.max-token-lifetime:12h}") Duration maximumLifetime) {
    this.maximumLifetime = maximumLifetime;
  }

  @Override
  public boolean validate(Claims claims, HttpRequest<?> request) {
    for (String required :
        new String[] {
          Claims.SUBJECT, Claims.ISSUER, Claims.AUDIENCE, Claims.EXPIRATION_TIME, Claims.ISSUED_AT
        }) {
      if (claims.get(required) == null) {
        return false;
      }
    }
    long expires = epochSeconds(claims.get(Claims.EXPIRATION_TIME));
    long issued = epochSeconds(claims.get(Claims.ISSUED_AT));
    return expires > issued && expires - issued <= maximumLifetime.toSeconds();
  }

  private static long epochSeconds(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().getEpochSecond();
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    return Long.MIN_VALUE / 2;
  }
}
