package org.matac.support.deadletter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.support.security.Caller;

/** What this service could not take, for admins to inspect and replay. */
@Controller("/api/v1/dead-letters")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadLetterController {

  private final DeadLetterDesk desk;

  public DeadLetterController(DeadLetterDesk desk) {
    this.desk = desk;
  }

  public record Letters(List<DeadLetterStore.Summary> items) {}

  @Get
  public Letters list(@Nullable @QueryValue String status, @Nullable @QueryValue Integer limit) {
    int size = limit == null ? 100 : Math.max(1, Math.min(limit, 1_000));
    return new Letters(desk.list(Optional.ofNullable(status), size));
  }

  @Get("/{id}")
  public Map<String, Object> show(@PathVariable UUID id, Authentication admin) {
    return desk.show(id, Caller.of(admin));
  }

  @Post("/{id}/replay")
  public DeadLetterStore.Summary replay(@PathVariable UUID id, Authentication admin) {
    return desk.replay(id, Caller.of(admin));
  }
}
