package org.matac.support.deadletter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.access.Roles;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/** What this service could not take, for admins to inspect and replay. */
@Controller("/api/v1/dead-letters")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadLetterController {

  private final DeadLetterDesk desk;
  private final DeadLetterReplays replays;

  public DeadLetterController(DeadLetterDesk desk, DeadLetterReplays replays) {
    this.desk = desk;
    this.replays = replays;
  }

  /** Which waiting letters to replay: those from one topic, optionally of one reason and time. */
  public record ReplayRequest(
      @Nullable String originalTopic,
      @Nullable String reason,
      @Nullable String from,
      @Nullable String until) {}

  public record Replayed(List<UUID> replayed) {}

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

  /**
   * Replays every waiting letter from {@code originalTopic} (of {@code reason}, dead-lettered from
   * {@code from} until before {@code until}, when given), oldest first, at most 1,000 a request.
   */
  @Post("/replays")
  public Replayed replayAll(@Body ReplayRequest request, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    checks.required("originalTopic", request.originalTopic());
    Optional<Instant> from = checks.optionalInstant("from", request.from());
    Optional<Instant> until = checks.optionalInstant("until", request.until());
    checks.answer();
    return new Replayed(
        replays.replayAll(
            new DeadLetterStore.Selection(
                request.originalTopic(),
                Optional.ofNullable(request.reason()).filter(reason -> !reason.isBlank()),
                from,
                until),
            Caller.of(admin)));
  }
}
