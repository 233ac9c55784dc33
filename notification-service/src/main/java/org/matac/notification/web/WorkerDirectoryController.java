package org.matac.notification.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.matac.events.access.Roles;
import org.matac.notification.application.KeepingTheWorkerDirectory;
import org.matac.notification.domain.DirectoryEntry;
import org.matac.support.security.Caller;
import org.matac.support.web.RequestChecks;

/**
 * The worker directory, kept by each agency's admins for their own workers: the only source of the
 * addresses notices are e-mailed to. A feed's {@code workerEmail} is never used.
 */
@Controller("/api/v1/worker-directory")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
public class WorkerDirectoryController {

  private final KeepingTheWorkerDirectory directory;

  public WorkerDirectoryController(KeepingTheWorkerDirectory directory) {
    this.directory = directory;
  }

  public record AddressBody(@Nullable String email) {}

  public record Entries(List<DirectoryEntry> items) {}

  /** The admin's own agency's workers. */
  @Get
  public Entries list(Authentication admin) {
    return new Entries(directory.ofOwnAgency(Caller.of(admin)));
  }

  /** Sets a worker's address; the worker joins the admin's agency's directory. */
  @Put("/{workerId}")
  public DirectoryEntry set(
      @PathVariable String workerId, @Body AddressBody body, Authentication admin) {
    RequestChecks checks = new RequestChecks();
    checks.required("email", body.email());
    checks.answer();
    return directory.set(workerId, body.email().trim(), Caller.of(admin));
  }

  @Delete("/{workerId}")
  public HttpResponse<Void> remove(@PathVariable String workerId, Authentication admin) {
    directory.remove(workerId, Caller.of(admin));
    return HttpResponse.noContent();
  }
}
