package org.matac.console.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.console.backends.Service;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.events.access.Roles;

/** A victim-safety worker's inbox: what happened about "their" perpetrators, unread first. */
@Controller
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.VICTIM_SAFETY_WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxPages {

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

  private static boolean isRead(Map<String, Object> notification) {
    return notification.get("acknowledgedAt") != null;
  }
}
