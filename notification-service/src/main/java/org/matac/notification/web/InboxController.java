package org.matac.notification.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.notification.application.ReadingInbox;
import org.matac.notification.domain.CaseloadEntry;
import org.matac.notification.domain.ChannelDelivery;
import org.matac.notification.domain.InboxEntry;
import org.matac.notification.domain.WorkerPreferences;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * The caller's own inbox. A worker is identified by the token's subject, which is the workerId
 * partners send in SAFETY_WORKER_ASSIGNED.
 */
@Controller("/api/v1")
@Secured(Roles.VICTIM_SAFETY_WORKER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxController {

  private static final int MAX_PAGE = 200;

  private final ReadingInbox inbox;

  public InboxController(ReadingInbox inbox) {
    this.inbox = inbox;
  }

  public record Inbox(List<InboxEntry> items) {}

  public record Caseload(List<CaseloadEntry> items) {}

  /** The victims the caller is assigned to, and the perpetrators that links them to. */
  /**
   * The duty inbox of the caller's agency: urgent notices escalated because nobody acknowledged
   * them.
   */
  @Get("/duty-inbox")
  public Inbox dutyInbox(Authentication caller, @Nullable @QueryValue Integer limit) {
    Caller worker = Caller.of(caller);
    if (worker.agency() == null) {
      throw Refused.forbidden("Your token names no agency.");
    }
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, MAX_PAGE));
    return new Inbox(inbox.dutyInboxOf(worker, size));
  }

  @Get("/caseload")
  public Caseload caseload(Authentication caller) {
    return new Caseload(inbox.caseloadOf(Caller.of(caller)));
  }

  @Get("/inbox")
  public Inbox inbox(Authentication caller, @Nullable @QueryValue Integer limit) {
    int size = limit == null ? 50 : Math.max(1, Math.min(limit, MAX_PAGE));
    return new Inbox(inbox.inboxOf(Caller.of(caller), size));
  }

  /** One of the caller's own notifications: what its e-mail links to, through the console. */
  @Get("/notifications/{id}")
  public InboxEntry notification(@PathVariable UUID id, Authentication caller) {
    return inbox
        .notificationOf(id, Caller.of(caller))
        .orElseThrow(() -> Refused.notFound("You have no notification " + id + "."));
  }

  public record Deliveries(List<ChannelDelivery> items) {}

  /** Delivery status per channel of the caller's own notification. */
  @Get("/notifications/{id}/deliveries")
  public Deliveries deliveries(@PathVariable UUID id, Authentication caller) {
    List<ChannelDelivery> deliveries = inbox.deliveriesOf(id, Caller.of(caller));
    if (deliveries.isEmpty()) {
      throw Refused.notFound("You have no notification " + id + ".");
    }
    return new Deliveries(deliveries);
  }

  /** The caller's channel choices. */
  public record PreferencesBody(
      @Nullable Boolean email,
      @Nullable Boolean webhook,
      @Nullable String quietFrom,
      @Nullable String quietUntil,
      @Nullable String timeZone) {}

  @Get("/preferences")
  public WorkerPreferences preferences(Authentication caller) {
    return inbox.preferencesOf(Caller.of(caller));
  }

  @Put("/preferences")
  public WorkerPreferences savePreferences(@Body PreferencesBody body, Authentication caller) {
    List<FieldError> errors = new ArrayList<>();
    LocalTime from = time("quietFrom", body.quietFrom(), errors);
    LocalTime until = time("quietUntil", body.quietUntil(), errors);
    if ((from == null) != (until == null)) {
      errors.add(new FieldError("quietUntil", "quiet hours need both ends"));
    }
    String zone = body.timeZone() == null ? "Europe/London" : body.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      errors.add(new FieldError("timeZone", "must be a zone like Europe/London"));
    }
    if (!errors.isEmpty()) {
      throw Refused.invalid("The preferences cannot be used.", errors);
    }
    return inbox.savePreferences(
        Caller.of(caller),
        new WorkerPreferences(
            body.email() == null || body.email(),
            body.webhook() != null && body.webhook(),
            from,
            until,
            zone));
  }

  private static LocalTime time(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a time like 22:00"));
      return null;
    }
  }

  @Post("/notifications/{id}/acknowledge")
  public HttpResponse<Void> acknowledge(@PathVariable UUID id, Authentication caller) {
    if (!inbox.acknowledge(id, caller.getName())) {
      // The same answer whether it does not exist or belongs to someone else: no probing.
      throw Refused.notFound("You have no notification " + id + ".");
    }
    return HttpResponse.noContent();
  }
}
