package org.matac.tracking.application.profile;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.security.Caller;
import org.matac.tracking.persistence.PerpetratorStore;

/** Reads perpetrator profiles; a merged-away id leads to the profile it was folded into. */
@Singleton
public class ReadingProfiles {

  /** A profile under the id it lives at now. */
  public record ProfileView(UUID id, ProfileChanged.Profile profile) {}

  private final PerpetratorStore perpetrators;
  private final AuditTrail audit;

  public ReadingProfiles(PerpetratorStore perpetrators, AuditTrail audit) {
    this.perpetrators = perpetrators;
    this.audit = audit;
  }

  /** Each profile returned is a consultation, audited in the same transaction as the read. */
  @Transactional
  public Optional<ProfileView> byId(UUID id, Caller reader) {
    Optional<ProfileView> profile = resolve(id);
    profile.ifPresent(
        view ->
            audit.record(
                AuditEntry.allowed(
                    reader,
                    AuditEntry.Action.CONSULTATION,
                    "PERPETRATOR",
                    view.id().toString(),
                    "profile read")));
    return profile;
  }

  @Transactional
  public Optional<ProfileView> bySourceIdentity(
      String source, String sourcePersonId, Caller reader) {
    return perpetrators
        .findBySourceIdentity(source, sourcePersonId)
        .flatMap(id -> byId(id, reader));
  }

  private Optional<ProfileView> resolve(UUID id) {
    UUID current = id;
    for (int hops = 0; hops < 16; hops++) {
      Optional<UUID> survivor = perpetrators.mergedInto(current);
      if (survivor.isEmpty()) {
        break;
      }
      current = survivor.get();
    }
    if (!perpetrators.exists(current)) {
      return Optional.empty();
    }
    return Optional.of(new ProfileView(current, perpetrators.profile(current)));
  }
}
