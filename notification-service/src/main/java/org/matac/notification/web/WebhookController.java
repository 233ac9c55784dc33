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
import org.matac.support.problem.ProblemException;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/**
 * Admins set each agency's case-system endpoint. Bodies are signed with HMAC-SHA256 over {@code
 * timestamp + "." + body} (headers X-Matac-Timestamp and X-Matac-Signature: sha256=hex).
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
    return webhooks.configure(agency, body.url(), Caller.of(admin));
  }

  @Get("/{agency}")
  public Webhooks.Endpoint show(@PathVariable String agency) {
    return webhooks
        .of(agency)
        .orElseThrow(() -> ProblemException.notFound("Agency " + agency + " has no webhook."));
  }
}
