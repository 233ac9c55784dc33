package org.matac.support.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.matac.events.access.Roles;
import org.matac.support.web.Instants;

/** The service's audit trail, for auditors: by subject, actor and time, and its chain check. */
@Controller("/api/v1/audit")
@Secured(Roles.AUDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

  private static final int MAX_ROWS = 1_000;

  private final AuditTrail audit;
  private final AuditSealer sealer;

  public AuditController(AuditTrail audit, AuditSealer sealer) {
    this.audit = audit;
    this.sealer = sealer;
  }

  public record Rows(List<AuditTrail.Row> items) {}

  @Get
  public Rows search(
      @Nullable @QueryValue String subjectType,
      @Nullable @QueryValue String subjectId,
      @Nullable @QueryValue String actor,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue Integer limit) {
    return new Rows(
        audit.search(
            Optional.ofNullable(subjectType),
            Optional.ofNullable(subjectId),
            Optional.ofNullable(actor),
            instant("from", from),
            instant("to", to),
            limit == null ? 200 : Math.max(1, Math.min(limit, MAX_ROWS))));
  }

  @Get("/verification")
  public AuditTrail.Verification verify() {
    // What was written up to this request is checked, not only what the schedule sealed so far.
    sealer.sealWaiting();
    return audit.verify();
  }

  private static Optional<Instant> instant(String field, String text) {
    return Optional.ofNullable(text).map(value -> Instants.parse(field, value));
  }
}
