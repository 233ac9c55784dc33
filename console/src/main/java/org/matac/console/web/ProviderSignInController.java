package org.matac.console.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.matac.console.backends.OpenIdProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in through the partnership's OpenID Connect provider: the authorization-code flow with
 * PKCE. The browser is sent to the provider with a random state and a challenge whose verifier
 * stays in a short-lived cookie; the provider sends it back with a code, which the console
 * exchanges, as a confidential client, for the person's access token: their session.
 */
@Controller("/sign-in")
@Requires(bean = OpenIdProvider.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProviderSignInController {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderSignInController.class);
  private static final String ATTEMPT_COOKIE = "MATAC_SIGN_IN";
  private static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OpenIdProvider provider;
  private final Session session;
  private final boolean secureCookies;
  private final String callbackUri;

  public ProviderSignInController(
      OpenIdProvider provider,
      Session session,
      @Value("${matac.console.secure-cookies}") boolean secureCookies,
      @Value("${matac.console.public-url}") String publicUrl) {
    this.provider = provider;
    this.session = session;
    this.secureCookies = secureCookies;
    this.callbackUri = publicUrl.replaceAll("/$", "") + "/sign-in/callback";
  }

  @Get("/start")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> start() {
    String state = random();
    String verifier = random();
    return HttpResponse.seeOther(
            provider.authorizationUri(callbackUri, state, challengeOf(verifier)))
        .cookie(attempt(state + "." + verifier, ATTEMPT_LIFETIME));
  }

  @Get("/callback")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> callback(
      HttpRequest<?> request,
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String error) {
    String[] attempt =
        request
            .getCookies()
            .findCookie(ATTEMPT_COOKIE)
            .map(Cookie::getValue)
            .orElse("")
            .split("\\.", 2);
    boolean ours =
        attempt.length == 2
            && state != null
            && MessageDigest.isEqual(
                attempt[0].getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8));
    if (error != null || code == null || !ours) {
      return unfinished(
          HttpResponse.badRequest(),
          "Sign-in was not completed",
          "Your organisation's sign-in did not finish, or it took longer than 10 minutes.",
          "Sign in again. If you were part-way through a form, you will need to start it again.");
    }
    OpenIdProvider.Tokens tokens;
    try {
      tokens = provider.exchange(code, callbackUri, attempt[1]);
    } catch (OpenIdProvider.SignInFailed e) {
      LOG.warn("A sign-in could not be completed: {}", e.getMessage());
      return unfinished(
          HttpResponse.serverError(),
          "Sign-in is not working at the moment",
          "Your organisation's sign-in service did not give the MATAC hub your account.",
          "Try again in a few minutes. If it keeps happening, tell your administrator.");
    }
    // A page of our own, not a redirect: the session cookie is SameSite=Strict, and a browser
    // would not send it on a redirect that began at the provider's site.
    return HttpResponse.ok(Page.of("signing-in", "You are signed in", "refreshTo", "/"))
        .cookie(session.start(tokens.accessToken(), tokens.lifetime()))
        .cookie(attempt("", Duration.ZERO));
  }

  /** A sign-in that did not finish: why, what to do, a way to sign in again, the attempt ended. */
  private HttpResponse<?> unfinished(
      MutableHttpResponse<Object> response, String title, String whatHappened, String whatToDo) {
    return response
        .body(Page.problem(title, whatHappened, whatToDo, "Sign in again", "/sign-in"))
        .cookie(attempt("", Duration.ZERO));
  }

  private Cookie attempt(String value, Duration lifetime) {
    return Cookie.of(ATTEMPT_COOKIE, value)
        .httpOnly(true)
        .secure(secureCookies)
        // Lax: the provider's redirect back here is a top-level navigation from its site.
        .sameSite(SameSite.Lax)
        .path("/sign-in")
        .maxAge(lifetime);
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challengeOf(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
