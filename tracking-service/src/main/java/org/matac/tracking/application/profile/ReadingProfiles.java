package org.matac.tracking.application.profile;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.tracking.persistence.PerpetratorStore;

/** Reads perpetrator profiles; a merged-away id leads to the profile it was folded into. */
@Singleton
public class ReadingProfiles {

  /** A profile under the id it lives at now. */
  public record ProfileView(UUID id, ProfileChanged.Profile profile) {}

  private final PerpetratorStore perpetrators;

  public ReadingProfiles(PerpetratorStore perpetrators) {
    this.perpetrators = perpetrators;
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<ProfileView> byId(UUID id) {
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

  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<ProfileView> bySourceIdentity(String source, String sourcePersonId) {
    return perpetrators.findBySourceIdentity(source, sourcePersonId).flatMap(this::byId);
  }
}
