package org.matac.console.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.matac.console.backends.SessionToken;

/** Gives controllers the signed-in person's token from the header or the session cookie. */
@Singleton
public class SessionTokenBinder implements TypedRequestArgumentBinder<SessionToken> {

  private final Session session;

  public SessionTokenBinder(Session session) {
    this.session = session;
  }

  @Override
  public Argument<SessionToken> argumentType() {
    return Argument.of(SessionToken.class);
  }

  @Override
  public BindingResult<SessionToken> bind(
      ArgumentConversionContext<SessionToken> context, HttpRequest<?> request) {
    Optional<SessionToken> token = session.token(request).map(SessionToken::new);
    return token.isPresent() ? () -> token : BindingResult.unsatisfied();
  }
}
