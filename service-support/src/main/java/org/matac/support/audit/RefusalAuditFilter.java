package org.matac.support.audit;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.Set;
import org.matac.support.security.Caller;

/**
 * Audits every refused request (401 or 403) as DENIED, with whoever the token named, or
 * "anonymous". The path is kept without its query string, which could carry search terms.
 */
// Outside the security filter, which answers refusals without calling inner filters.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ServerFilter("/api/**")
public class RefusalAuditFilter {

  private final AuditTrail audit;

  public RefusalAuditFilter(AuditTrail audit) {
    this.audit = audit;
  }

  @ResponseFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public void auditRefusal(HttpRequest<?> request, MutableHttpResponse<?> response) {
    int status = response.code();
    if (status != 401 && status != 403) {
      return;
    }
    Optional<Caller> caller = request.getUserPrincipal(Authentication.class).map(Caller::of);
    audit.recordRefusal(
        new AuditEntry(
            caller.map(Caller::subject).orElse("anonymous"),
            caller.map(Caller::agency).orElse(null),
            caller.map(Caller::roles).orElse(Set.of()),
            actionOf(request),
            "REQUEST",
            request.getMethodName() + " " + request.getPath(),
            "refused with " + status,
            null,
            AuditEntry.Outcome.DENIED));
  }

  private static AuditEntry.Action actionOf(HttpRequest<?> request) {
    if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD) {
      return AuditEntry.Action.CONSULTATION;
    }
    return request.getPath().startsWith("/api/v1/events")
        ? AuditEntry.Action.COLLECTION
        : AuditEntry.Action.ALTERATION;
  }
}
