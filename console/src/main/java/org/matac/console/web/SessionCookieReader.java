package org.matac.console.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets the security filter validate the session cookie's token as it validates a bearer one. */
@Singleton
public class SessionCookieReader implements TokenReader<HttpRequest<?>> {

  private final Session session;

  public SessionCookieReader(Session session) {
    this.session = session;
  }

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    return session.token(request);
  }
}
