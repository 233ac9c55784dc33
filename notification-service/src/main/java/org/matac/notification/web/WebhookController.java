package org.matac.notification.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.matac.events.access.Roles;
import org.matac.notification.application.Webhooks;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/**
 * An agency's admins set its own case-system endpoint: another agency's endpoint would receive that
 * agency's workers' notices, so it is neither set nor shown to them (403). Bodies are signed with
 * HMAC-SHA256 over {@code timestamp + "." + body} (headers X-Matac-Timestamp and X-Matac-Signature:
 * sha256=hex).
 */
@Controller("/api/v1/webhooks")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController {

  private final Webhooks webhooks;

  public WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  public record EndpointBody(@Nullable String url) {}

  /** Sets the endpoint and issues a new secret, answered once in this response. */
  @Put("/{agency}")
  public Webhooks.Configured configure(
      @PathVariable String agency, @Body EndpointBody body, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    checks.required("url", body.url());
    checks.answer();
    return webhooks.configure(agency, body.url(), ownAgency(agency, admin));
  }

  @Get("/{agency}")
  public Webhooks.Endpoint show(@PathVariable String agency, Authentication admin) {
    ownAgency(agency, admin);
    return webhooks
        .of(agency)
        .orElseThrow(() -> Refused.notFound("Agency " + agency + " has no webhook."));
  }

  private static Caller ownAgency(String agency, Authentication admin) {
    Caller caller = Caller.of(admin);
    if (!agency.equals(caller.agency())) {
      throw Refused.forbidden(
          "An admin sets only their own agency's endpoint; ask an admin of " + agency + ".");
    }
    return caller;
  }
}
