package org.matac.console.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Every form a browser posts with its session cookie must carry the session's form token (field
 * {@value #FIELD}, or header {@value #HEADER} for htmx). Requests with a bearer token are not
 * forms: a browser never adds that header by itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class FormGuard implements Ordered {

  public static final String FIELD = "csrfToken";
  public static final String HEADER = "X-CSRF-Token";

  private static final Set<HttpMethod> CHANGES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final Session session;
  private final FormTokens tokens;

  public FormGuard(Session session, FormTokens tokens) {
    this.session = session;
    this.tokens = tokens;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public void requireFormToken(HttpRequest<?> request) {
    if (!CHANGES.contains(request.getMethod()) || !session.isCookieSession(request)) {
      return;
    }
    String sessionToken = session.token(request).orElseThrow(FormExpired::new);
    Optional<String> presented = request.getHeaders().findFirst(HEADER);
    if (presented.isEmpty()) {
      presented = formField(request);
    }
    if (!tokens.isValid(sessionToken, presented.orElse(null))) {
      throw new FormExpired();
    }
  }

  private static Optional<String> formField(HttpRequest<?> request) {
    if (!(request instanceof ServerHttpRequest<?> server)) {
      return Optional.empty();
    }
    // A copy of the body: the controller still binds the form from the original.
    try (CloseableByteBody copy =
            server.byteBody().split(ByteBody.SplitBackpressureMode.SLOWEST).allowDiscard();
        InputStream in = copy.toInputStream()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        if (pair.startsWith(FIELD + "=")) {
          return Optional.of(
              URLDecoder.decode(pair.substring(FIELD.length() + 1), StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  /** The form's token is missing or belongs to another session: the page says to start again. */
  public static class FormExpired extends RuntimeException {
    public FormExpired() {
      super("The form's token is missing or does not match the session", null, false, false);
    }
  }
}
