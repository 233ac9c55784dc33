package org.matac.console.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.matac.console.domain.SignedInUser;

/**
 * A person's session is their token, held in an HttpOnly cookie: the console keeps nothing of its
 * own about anyone. Whatever signs a person in (the development sign-in here, the partnership's
 * OpenID Connect provider in a deployment) ends by handing the token to {@link #start}; every page
 * reads it back with {@link #token}, whether it came in the cookie or as a bearer header.
 */
@Singleton
public class Session {

  private static final String BEARER = "Bearer ";

  private final String cookieName;
  private final boolean secureCookies;

  public Session(
      @Value("${matac.console.session-cookie}") String cookieName,
      @Value("${matac.console.secure-cookies}") boolean secureCookies) {
    this.cookieName = cookieName;
    this.secureCookies = secureCookies;
  }

  public Cookie start(String token, Duration lifetime) {
    return Cookie.of(cookieName, token)
        .httpOnly(true)
        .secure(secureCookies)
        // Strict: a page on another site can never make a signed-in browser post a form here.
        .sameSite(SameSite.Strict)
        .path("/")
        .maxAge(lifetime);
  }

  public Cookie end() {
    return start("", Duration.ZERO);
  }

  /** The token the request was authenticated with: the bearer header first, then the cookie. */
  public Optional<String> token(HttpRequest<?> request) {
    Optional<String> bearer =
        request
            .getHeaders()
            .getAuthorization()
            .filter(value -> value.startsWith(BEARER))
            .map(value -> value.substring(BEARER.length()).trim());
    if (bearer.isPresent()) {
      return bearer;
    }
    return request
        .getCookies()
        .findCookie(cookieName)
        .map(Cookie::getValue)
        .filter(v -> !v.isBlank());
  }

  /** Whether this request came from a browser's cookie, which is what forms must prove. */
  public boolean isCookieSession(HttpRequest<?> request) {
    return request.getHeaders().getAuthorization().isEmpty()
        && request.getCookies().findCookie(cookieName).isPresent();
  }

  public static SignedInUser userOf(Authentication authentication) {
    Object agency = authentication.getAttributes().get("agency");
    Object areas = authentication.getAttributes().get("areas");
    return new SignedInUser(
        authentication.getName(),
        Set.copyOf(authentication.getRoles()),
        agency == null ? null : agency.toString(),
        areas instanceof Collection<?> values
            ? values.stream().map(Object::toString).toList()
            : List.of());
  }
}
