package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.matac.events.FieldError;
import org.matac.notification.domain.DirectoryEntry;
import org.matac.notification.domain.WorkerDirectoryRules;
import org.matac.notification.persistence.WorkerDirectoryStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * An agency's admins keep its workers' e-mail addresses; notices are e-mailed only to these. Every
 * change and every listing is audited: the addresses are staff's personal data.
 */
@Singleton
public class KeepingTheWorkerDirectory {

  private final WorkerDirectoryStore directory;
  private final AuditTrail audit;
  private final Clock clock;

  public KeepingTheWorkerDirectory(WorkerDirectoryStore directory, AuditTrail audit, Clock clock) {
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /** Sets the worker's address in the admin's own agency's directory. */
  @Transactional
  public DirectoryEntry set(String workerId, String email, Caller admin) {
    WorkerDirectoryRules.addressProblem(email)
        .ifPresent(
            problem -> {
              throw Refused.invalid(
                  "The address cannot be used.", List.of(new FieldError("email", problem)));
            });
    mayChange(workerId, admin);
    DirectoryEntry entry =
        new DirectoryEntry(workerId, admin.agency(), email, admin.subject(), clock.instant());
    directory.save(entry);
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.ALTERATION,
            "WORKER",
            workerId,
            "worker directory: e-mail address set for " + admin.agency()));
    return entry;
  }

  /** Takes the worker out of the directory: their notices stay in the inbox only. */
  @Transactional
  public void remove(String workerId, Caller admin) {
    if (mayChange(workerId, admin)) {
      directory.remove(workerId);
      audit.record(
          AuditEntry.allowed(
              admin,
              AuditEntry.Action.ERASURE,
              "WORKER",
              workerId,
              "worker directory: entry removed for " + admin.agency()));
    }
  }

  @Transactional
  public List<DirectoryEntry> ofOwnAgency(Caller admin) {
    List<DirectoryEntry> entries = directory.ofAgency(admin.agency());
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.CONSULTATION,
            "WORKER_DIRECTORY",
            admin.agency(),
            "worker directory listed: " + entries.size() + " entries"));
    return entries;
  }

  /** Whether there is an entry; refuses when another agency keeps it. */
  private boolean mayChange(String workerId, Caller admin) {
    var kept = directory.lock(workerId);
    WorkerDirectoryRules.refusal(admin.agency(), kept.map(DirectoryEntry::agency))
        .ifPresent(
            refusal -> {
              throw Refused.forbidden(refusal);
            });
    return kept.isPresent();
  }
}
