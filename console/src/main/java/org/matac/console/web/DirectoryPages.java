package org.matac.console.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.events.access.Roles;

/**
 * An agency administrator's worker directory: the e-mail address each of the agency's workers has
 * their notifications sent to. No feed can set one; only this page (and its API) can.
 */
@Controller("/worker-directory")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DirectoryPages {

  private static final String API = "/api/v1/worker-directory";
  private static final Map<String, String> LABELS =
      Map.of("workerId", "The worker's sign-in name", "email", "The e-mail address");
  private static final Map<String, String> WHEN_MISSING =
      Map.of(
          "workerId", "Enter the worker's sign-in name",
          "email", "Enter the worker's e-mail address");

  private final Services services;

  public DirectoryPages(Services services) {
    this.services = services;
  }

  /** The form as posted. */
  public record EntryForm(@Nullable String workerId, @Nullable String email) {}

  @Get("{?saved,removed}")
  public ModelAndView<Map<String, Object>> directory(
      @Nullable @QueryValue String saved,
      @Nullable @QueryValue String removed,
      SessionToken token) {
    return page(new EntryForm(null, null), Map.of(), saved, removed, token);
  }

  @Post
  public HttpResponse<?> save(@Body EntryForm form, SessionToken token) {
    String workerId = Forms.blankToNull(form.workerId());
    if (workerId == null) {
      return HttpResponse.badRequest(
          page(form, Map.of("workerId", WHEN_MISSING.get("workerId")), null, null, token));
    }
    Map<String, Object> body = new HashMap<>();
    body.put("email", Forms.blankToNull(form.email()));
    try {
      services.put(Service.NOTIFICATION, API + "/" + encoded(workerId), body, token);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() == 403) {
        // The worker is in another agency's directory: say so against the name entered.
        return HttpResponse.badRequest(
            page(form, Map.of("workerId", refusal.detail()), null, null, token));
      }
      if (refusal.status() != 400) {
        throw refusal;
      }
      return HttpResponse.badRequest(
          page(form, FormErrors.of(refusal, LABELS, WHEN_MISSING, "email"), null, null, token));
    }
    return Page.seeOther("/worker-directory?saved=" + encoded(workerId));
  }

  @Post("/{workerId}/removal")
  public HttpResponse<?> remove(@PathVariable String workerId, SessionToken token) {
    services.delete(Service.NOTIFICATION, API + "/" + encoded(workerId), token);
    return Page.seeOther("/worker-directory?removed=" + encoded(workerId));
  }

  private ModelAndView<Map<String, Object>> page(
      EntryForm form,
      Map<String, String> errors,
      @Nullable String saved,
      @Nullable String removed,
      SessionToken token) {
    List<Map<String, Object>> entries =
        Answers.items(services.get(Service.NOTIFICATION, API, token));
    return Page.of(
        "worker-directory",
        errors.isEmpty()
            ? "Your agency's worker directory"
            : "Error: Your agency's worker directory",
        "entries",
        entries,
        "form",
        form,
        "errors",
        errors,
        "saved",
        saved,
        "removed",
        removed);
  }

  private static String encoded(String workerId) {
    return URLEncoder.encode(workerId, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
