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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.events.access.Roles;

/**
 * A member agency's practitioner between meetings: the actions their agency agreed to at MATAC, in
 * their areas, soonest due first, and a page to report progress on each. A report made on a stale
 * page is refused and the page says what changed.
 */
@Controller("/actions")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Secured(Roles.PARTNER_PRACTITIONER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartnerPages {

  private final Services services;
  private final Clock clock;

  public PartnerPages(Services services, Clock clock) {
    this.services = services;
    this.clock = clock;
  }

  @Get
  public ModelAndView<Map<String, Object>> actions(SessionToken token) {
    return Page.of("agency-actions", "Your agency's MATAC actions", "actions", owned(token));
  }

  private List<Map<String, Object>> owned(SessionToken token) {
    return Plans.marked(
        Answers.items(services.get(Service.SCORING, "/api/v1/agency-actions", token)),
        LocalDate.now(clock));
  }

  @Get("/{id}")
  public ModelAndView<Map<String, Object>> action(@PathVariable UUID id, SessionToken token) {
    return actionPage(id, null, Map.of(), token);
  }

  private ModelAndView<Map<String, Object>> actionPage(
      UUID id, ReportForm form, Map<String, String> errors, SessionToken token) {
    Map<String, Object> action =
        owned(token).stream()
            .filter(candidate -> id.toString().equals(candidate.get("id")))
            .findFirst()
            .orElseThrow(
                () ->
                    new ServiceRefusal(
                        Service.SCORING, 404, "Your agency owns no such action.", List.of()));
    return Page.of(
        "agency-action",
        Page.title(Forms.text(action.get("description")), errors),
        "action",
        action,
        "statuses",
        Plans.STATUSES,
        "form",
        form == null
            ? new ReportForm(
                ((Number) action.get("version")).intValue(),
                String.valueOf(action.get("status")),
                (String) action.get("notes"))
            : form,
        "errors",
        errors);
  }

  /** The report as posted: the version read, the status chosen, the notes written. */
  public record ReportForm(
      @Nullable Integer version, @Nullable String status, @Nullable String notes) {}

  @Post("/{id}")
  public HttpResponse<?> report(@PathVariable UUID id, @Body ReportForm form, SessionToken token) {
    Map<String, Object> body = new HashMap<>();
    body.put("version", form.version());
    body.put("status", form.status());
    body.put("notes", Forms.blankToNull(form.notes()));
    try {
      services.patch(Service.SCORING, "/api/v1/agency-actions/" + id, body, token);
      return Page.seeOther("/actions#action-" + id);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 409 && refusal.status() != 400) {
        throw refusal;
      }
      // After a conflict the page shows the action as it is now, with the person's notes kept.
      ReportForm kept = refusal.status() == 409 ? null : form;
      Map<String, String> errors =
          refusal.status() == 409
              ? Map.of("status", "This action changed while you had it open. " + refusal.detail())
              : FormErrors.of(refusal, Map.of("status", "Status", "notes", "Notes"));
      return Page.again(refusal, actionPage(id, kept, errors, token));
    }
  }
}
