package org.matac.tracking.application.intake;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.intake.EventType;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.security.Caller;
import org.matac.tracking.application.identity.ProfileChanges;
import org.matac.tracking.application.identity.ResolvingPeople;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.PeopleGraph;
import org.matac.tracking.persistence.PartnerRecordStore;
import org.matac.tracking.persistence.PerpetratorStore;

/**
 * Makes a version the record's current one and places it with its person: the one its identifiers
 * name, a new one, or, when its identifiers join or separate people, whoever the groups say once
 * worked out again.
 */
@Singleton
class PlacingCurrentRecords {

  /** Where the version went, whether people were regrouped for it, and what storing it did. */
  record Placement(UUID perpetratorId, boolean regrouped, PartnerRecordStore.Stored stored) {}

  private final ResolvingPeople people;
  private final PartnerRecordStore records;
  private final PerpetratorStore perpetrators;
  private final ProfileChanges profileChanges;

  PlacingCurrentRecords(
      ResolvingPeople people,
      PartnerRecordStore records,
      PerpetratorStore perpetrators,
      ProfileChanges profileChanges) {
    this.people = people;
    this.records = records;
    this.perpetrators = perpetrators;
    this.profileChanges = profileChanges;
  }

  Placement place(
      PartnerEvent event,
      Optional<PartnerRecordStore.Current> current,
      PartnerRecordStore.Currents currents,
      ProfileChanges.Pending pending,
      Map<UUID, List<ProfileChanged.Change>> changes,
      Caller sender,
      Instant now) {
    PartnerEvent.Person person = event.perpetrator();
    String sourceNode = PeopleGraph.sourceNode(event.source(), person.sourcePersonId());
    Optional<String> pncNode = person.pncId().map(pnc -> PeopleGraph.pncNode(pnc.toString()));
    // A withdrawal links nothing: its PNC id neither finds nor joins anyone.
    boolean withdrawal = event.type() == EventType.RECORD_WITHDRAWN;
    Optional<String> linking = withdrawal ? Optional.empty() : pncNode;
    ResolvingPeople.Holder holder = people.holderFor(sourceNode, linking, now);
    PartnerRecordStore.Stored stored = records.makeCurrent(event, holder.id(), current, currents);
    if (people.changesNoGroup(sourceNode, linking, holder, current, withdrawal)) {
      // The common case, a first record of a person or a correction keeping its identifiers:
      // nobody joins or separates, so the groups need not be worked out again.
      boolean newPnc = linking.map(pnc -> people.giveIfUnheld(pnc, holder.id())).orElse(false);
      List<ProfileChanged.Change> own = ProfileChanges.changesOf(changes, holder.id());
      if (holder.created()) {
        own.add(created());
      }
      boolean newDetails = perpetrators.refreshPersonalDetails(holder.id());
      if ((newPnc || newDetails) && own.isEmpty()) {
        own.add(new ProfileChanged.Change(ProfileChanged.ChangeKind.IDENTITY_UPDATED, null, null));
      }
      return new Placement(holder.id(), false, stored);
    }
    List<String> seeds = new ArrayList<>();
    seeds.add(sourceNode);
    pncNode.ifPresent(seeds::add);
    current.ifPresent(
        replaced -> {
          seeds.add(PeopleGraph.sourceNode(event.source(), replaced.sourcePersonId()));
          if (replaced.pncId() != null) {
            seeds.add(PeopleGraph.pncNode(replaced.pncId()));
          }
        });
    // Messages held for people about to be joined or separated go out first, with the profiles
    // as they stand before the change.
    pending.publish(now);
    ResolvingPeople.Regrouping regrouping = people.regroup(seeds, sourceNode, now);
    currents.forget();
    UUID perpetratorId = regrouping.outcome().ownerOf().get(sourceNode);
    if (holder.created() && perpetratorId.equals(holder.id())) {
      ProfileChanges.changesOf(changes, perpetratorId).add(created());
    }
    profileChanges.identityChanges(
        regrouping, changes, sender, "shared identifiers on current records");
    return new Placement(perpetratorId, true, stored);
  }

  private static ProfileChanged.Change created() {
    return new ProfileChanged.Change(ProfileChanged.ChangeKind.PROFILE_CREATED, null, null);
  }
}
