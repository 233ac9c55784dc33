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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.events.access.Roles;

/** A victim-safety worker's inbox: what happened about "their" perpetrators, unread first. */
@Controller
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.VICTIM_SAFETY_WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxPages {

  private static final Map<String, String> PREFERENCE_LABELS =
      Map.of("quietFrom", "Quiet hours start", "quietUntil", "Quiet hours end");

  private final Services services;

  public InboxPages(Services services) {
    this.services = services;
  }

  @Get("/inbox")
  public ModelAndView<Map<String, Object>> inbox(SessionToken token) {
    List<Map<String, Object>> items =
        Answers.items(services.get(Service.NOTIFICATION, "/api/v1/inbox?limit=200", token));
    List<Map<String, Object>> unreadFirst =
        items.stream().sorted(Comparator.comparing(InboxPages::isRead)).toList();
    long unread = items.stream().filter(item -> !isRead(item)).count();
    return Page.of("inbox", "Your inbox", "items", unreadFirst, "unread", unread);
  }

  @Get("/notifications/{id}")
  public ModelAndView<Map<String, Object>> notification(@PathVariable UUID id, SessionToken token) {
    Map<String, Object> notification =
        services.get(Service.NOTIFICATION, "/api/v1/notifications/" + id, token);
    List<Map<String, Object>> deliveries =
        Answers.items(
            services.get(
                Service.NOTIFICATION, "/api/v1/notifications/" + id + "/deliveries", token));
    return Page.of(
        "notification",
        String.valueOf(notification.get("title")),
        "notification",
        notification,
        "deliveries",
        deliveries);
  }

  @Post("/notifications/{id}/acknowledge")
  public HttpResponse<?> acknowledge(@PathVariable UUID id, SessionToken token) {
    services.post(
        Service.NOTIFICATION, "/api/v1/notifications/" + id + "/acknowledge", null, token);
    return Page.seeOther("/notifications/" + id);
  }

  @Get("/caseload")
  public ModelAndView<Map<String, Object>> caseload(SessionToken token) {
    return Page.of(
        "caseload",
        "Your caseload",
        "items",
        Answers.items(services.get(Service.NOTIFICATION, "/api/v1/caseload", token)));
  }

  @Get("/preferences{?saved}")
  public ModelAndView<Map<String, Object>> preferences(
      @Nullable @QueryValue Boolean saved, SessionToken token) {
    Map<String, Object> current = services.get(Service.NOTIFICATION, "/api/v1/preferences", token);
    return preferencesForm(
        new PreferencesForm(
            Boolean.TRUE.equals(current.get("emailEnabled")) ? "on" : null,
            Boolean.TRUE.equals(current.get("webhookEnabled")) ? "on" : null,
            text(current.get("quietFrom")),
            text(current.get("quietUntil"))),
        Map.of(),
        Boolean.TRUE.equals(saved));
  }

  /** The settings form as posted: a ticked box sends "on", an unticked one nothing. */
  public record PreferencesForm(
      @Nullable String email,
      @Nullable String webhook,
      @Nullable String quietFrom,
      @Nullable String quietUntil) {}

  @Post("/preferences")
  public HttpResponse<?> savePreferences(@Body PreferencesForm form, SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("email", form.email() != null);
    body.put("webhook", form.webhook() != null);
    body.put("quietFrom", Forms.blankToNull(form.quietFrom()));
    body.put("quietUntil", Forms.blankToNull(form.quietUntil()));
    try {
      services.put(Service.NOTIFICATION, "/api/v1/preferences", body, token);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400) {
        throw refusal;
      }
      return HttpResponse.badRequest(
          preferencesForm(form, FormErrors.of(refusal, PREFERENCE_LABELS), false));
    }
    return Page.seeOther("/preferences?saved=true");
  }

  private static ModelAndView<Map<String, Object>> preferencesForm(
      PreferencesForm form, Map<String, String> errors, boolean saved) {
    return Page.of(
        "preferences",
        errors.isEmpty() ? "How you hear of notifications" : "Error: How you hear of notifications",
        "form",
        form,
        "errors",
        errors,
        "saved",
        saved);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static boolean isRead(Map<String, Object> notification) {
    return notification.get("acknowledgedAt") != null;
  }
}
