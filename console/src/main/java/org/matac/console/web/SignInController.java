package org.matac.console.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matac.console.backends.DevelopmentSignIn;
import org.matac.console.backends.OpenIdProvider;
import org.matac.events.access.Roles;

/**
 * Signing in and out, and the start page each role lands on. In the local stack a tester chooses a
 * synthetic user; a deployment signs people in through its identity provider, which ends the same
 * way: a token in the session cookie ({@link Session#start}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SignInController {

  static final List<String> SIGN_IN_ROLES =
      List.of(
          Roles.MATAC_COORDINATOR,
          Roles.CASEWORKER,
          Roles.VICTIM_SAFETY_WORKER,
          Roles.PARTNER_PRACTITIONER,
          Roles.ANALYST,
          Roles.ADMIN,
          Roles.AUDITOR);

  private final Optional<DevelopmentSignIn> developmentSignIn;
  private final Optional<OpenIdProvider> provider;
  private final Session session;
  private final List<String> areas;
  private final String publicUrl;

  public SignInController(
      Optional<DevelopmentSignIn> developmentSignIn,
      Optional<OpenIdProvider> provider,
      Session session,
      @Value("${matac.partnership.areas}") List<String> areas,
      @Value("${matac.console.public-url}") String publicUrl) {
    // Where a provider is configured, it is the only way in, even on a developer's machine.
    this.developmentSignIn = provider.isPresent() ? Optional.empty() : developmentSignIn;
    this.provider = provider;
    this.session = session;
    this.areas = areas;
    this.publicUrl = publicUrl.replaceAll("/$", "");
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public HttpResponse<?> start(Authentication authentication) {
    return Page.seeOther(Session.userOf(authentication).startPage());
  }

  @Get("/no-work")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  public ModelAndView<Map<String, Object>> noWork() {
    return Page.of("no-work", "There is nothing here for your role yet");
  }

  @Get("/sign-in")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public ModelAndView<Map<String, Object>> signInPage() {
    return signInForm(new SignInForm(null, null, null, null), Map.of());
  }

  /** The development sign-in's fields; areas arrive as one value per ticked box. */
  public record SignInForm(
      @Nullable String subject,
      @Nullable String role,
      @Nullable String agency,
      @Nullable List<String> areas) {}

  @Post("/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> signIn(@Body SignInForm form) {
    if (developmentSignIn.isEmpty()) {
      return HttpResponse.notFound(
          Page.problem(
              "Sign in through your organisation",
              "Choosing a test user is only possible on a developer's own machine.",
              "Use your organisation's sign-in."));
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(form.subject())) {
      errors.put("subject", "Enter a user ID, like caseworker-1");
    }
    if (blank(form.role()) || !SIGN_IN_ROLES.contains(form.role())) {
      errors.put("role", "Select the role to sign in with");
    }
    if (blank(form.agency())) {
      errors.put("agency", "Enter the agency, like HAMPTON_TRUST");
    }
    List<String> chosenAreas = form.areas() == null ? List.of() : form.areas();
    if (!areas.containsAll(chosenAreas)) {
      errors.put("areas", "Select areas from the list");
    }
    if (!errors.isEmpty()) {
      return HttpResponse.badRequest(signInForm(form, errors));
    }
    String token =
        developmentSignIn
            .get()
            .tokenFor(form.subject().trim(), form.role(), form.agency().trim(), chosenAreas);
    return Page.seeOther("/").cookie(session.start(token, DevelopmentSignIn.LIFETIME));
  }

  // The sign-out button is a form in every page's header: it posts form-encoded, never JSON.
  @Post("/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_ANONYMOUS)
  public HttpResponse<?> signOut() {
    // With a provider, its own session ends too: otherwise the next visit signs straight back in.
    return provider
        .<HttpResponse<?>>map(
            openId ->
                HttpResponse.seeOther(openId.signOutUri(publicUrl + "/signed-out"))
                    .cookie(session.end()))
        .orElseGet(() -> Page.seeOther("/signed-out").cookie(session.end()));
  }

  @Get("/signed-out")
  @Secured(SecurityRule.IS_ANONYMOUS)
  public ModelAndView<Map<String, Object>> signedOut() {
    return Page.of("signed-out", "You have signed out");
  }

  private ModelAndView<Map<String, Object>> signInForm(
      SignInForm form, Map<String, String> errors) {
    return Page.of(
        developmentSignIn.isPresent() ? "sign-in-development" : "sign-in",
        errors.isEmpty() ? "Sign in" : "Error: Sign in",
        "form",
        form,
        "errors",
        errors,
        "roles",
        SIGN_IN_ROLES,
        "areas",
        areas,
        "provider",
        provider.isPresent());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
