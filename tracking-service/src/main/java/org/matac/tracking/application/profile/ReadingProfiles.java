package org.matac.tracking.application.profile;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.ProfileAccess;
import org.matac.tracking.domain.RecordDetailsAccess;
import org.matac.tracking.domain.SearchCriteria;
import org.matac.tracking.persistence.PerpetratorStore;

/** Reads perpetrator profiles; a merged-away id leads to the profile it was folded into. */
@Singleton
public class ReadingProfiles {

  /** A profile under the id it lives at now. */
  public record ProfileView(UUID id, ProfileChanged.Profile profile) {}

  /**
   * What a search shows of a profile outside the caller's scope: that it exists, which agencies
   * hold it, and how to ask for access. Never an id, a name or a record.
   */
  public record Signpost(boolean exists, List<String> heldBy, String requestAccess) {

    static final String HOW =
        "Ask the holding agency's information-sharing lead or your area's MATAC coordinator,"
            + " stating your purpose; access is granted by a referral, a MATAC entry or a link"
            + " to a victim you support.";
  }

  /** A search's answer: the profiles the caller may read, and signposts for the others. */
  public record SearchResult(List<ProfileView> items, List<Signpost> signposts) {}

  private final PerpetratorStore perpetrators;
  private final AuditTrail audit;

  public ReadingProfiles(PerpetratorStore perpetrators, AuditTrail audit) {
    this.perpetrators = perpetrators;
    this.audit = audit;
  }

  /**
   * Each profile returned is a consultation, audited in the same transaction as the read. A profile
   * outside the caller's need to know is refused (403, audited as DENIED).
   */
  @Transactional
  public Optional<ProfileView> byId(UUID id, Caller reader) {
    Optional<ProfileView> profile = resolve(id);
    if (profile.isPresent() && !mayRead(reader, profile.get().id())) {
      throw Refused.forbidden("This profile is outside your need to know. " + Signpost.HOW);
    }
    return profile.map(view -> shownTo(view, reader));
  }

  @Transactional
  public SearchResult bySourceIdentity(String source, String sourcePersonId, Caller reader) {
    Optional<ProfileView> found =
        perpetrators.findBySourceIdentity(source, sourcePersonId).flatMap(this::resolve);
    if (found.isEmpty()) {
      return new SearchResult(List.of(), List.of());
    }
    UUID id = found.get().id();
    if (!mayRead(reader, id)) {
      return new SearchResult(
          List.of(), List.of(new Signpost(true, perpetrators.holdingAgencies(id), Signpost.HOW)));
    }
    return new SearchResult(List.of(shownTo(found.get(), reader)), List.of());
  }

  /**
   * Profiles matching every criterion: those in the caller's need to know in full, each an audited
   * consultation; the others only as signposts.
   */
  @Transactional
  public SearchResult search(SearchCriteria criteria, int limit, Caller reader) {
    List<ProfileView> items = new ArrayList<>();
    List<Signpost> signposts = new ArrayList<>();
    for (UUID id : perpetrators.search(criteria, limit)) {
      if (mayRead(reader, id)) {
        items.add(shownTo(new ProfileView(id, perpetrators.profile(id)), reader));
      } else {
        signposts.add(new Signpost(true, perpetrators.holdingAgencies(id), Signpost.HOW));
      }
    }
    return new SearchResult(items, signposts);
  }

  /** Who several people are, for a list: the ones the caller may read, and the ids withheld. */
  public record Identities(List<PerpetratorStore.Identity> items, List<UUID> withheld) {}

  /**
   * The names and dates of birth of several profiles in one transaction, as a ranked list or a
   * tasking cycle shows them: each one the caller may read is an audited consultation; the others
   * (and ids that name no living profile) are only listed as withheld.
   */
  @Transactional
  public Identities identities(List<UUID> ids, Caller reader) {
    Map<UUID, PerpetratorStore.Identity> found = perpetrators.identities(ids);
    Map<UUID, ProfileAccess.Reach> reaches =
        perpetrators.reachesOf(found.keySet(), ProfileAccess.needs(reader.roles()));
    List<PerpetratorStore.Identity> items = new ArrayList<>();
    List<UUID> withheld = new ArrayList<>();
    for (UUID id : ids) {
      PerpetratorStore.Identity identity = found.get(id);
      if (identity != null && mayRead(reader, reaches.get(id))) {
        audit.record(
            AuditEntry.allowed(
                reader,
                AuditEntry.Action.CONSULTATION,
                "PERPETRATOR",
                id.toString(),
                "name read for a list"));
        items.add(identity);
      } else {
        withheld.add(id);
      }
    }
    return new Identities(items, withheld);
  }

  /**
   * The profile as {@code reader} may see it (each record's details by {@link
   * RecordDetailsAccess}), audited as a consultation.
   */
  private ProfileView shownTo(ProfileView view, Caller reader) {
    audit.record(
        AuditEntry.allowed(
            reader,
            AuditEntry.Action.CONSULTATION,
            "PERPETRATOR",
            view.id().toString(),
            "profile read"));
    ProfileChanged.Profile profile = view.profile();
    UnaryOperator<ProfileChanged.Incident> incidentAsSeen =
        RecordDetailsAccess.seesVictimReferences(reader.roles())
            ? UnaryOperator.identity()
            : victimsByStandIn();
    return new ProfileView(
        view.id(),
        new ProfileChanged.Profile(
            profile.identities(),
            profile.pncIds(),
            profile.givenName(),
            profile.familyName(),
            profile.dateOfBirth(),
            profile.incidents().stream().map(incidentAsSeen).toList(),
            profile.records().stream()
                .map(
                    record ->
                        new ProfileChanged.PartnerRecord(
                            record.type(),
                            record.source(),
                            record.sourceReference(),
                            record.occurredAt(),
                            record.recordedAt(),
                            record.area(),
                            visibleTo(reader, record.details())))
                .toList(),
            profile.versions().stream()
                .map(
                    version ->
                        new ProfileChanged.Version(
                            version.type(),
                            version.source(),
                            version.sourceReference(),
                            version.recordVersion(),
                            version.recordedAt(),
                            version.eventId(),
                            version.withdrawal(),
                            version.incident() == null
                                ? null
                                : incidentAsSeen.apply(version.incident()),
                            visibleTo(reader, version.details())))
                .toList()));
  }

  /** Each victim's reference replaced by "victim N", the same N for the same victim. */
  private static UnaryOperator<ProfileChanged.Incident> victimsByStandIn() {
    Map<String, String> standIns = new HashMap<>();
    return incident ->
        incident.victims() == null
            ? incident
            : incident.withVictims(
                incident.victims().stream()
                    .map(
                        victim ->
                            new ProfileChanged.VictimLink(
                                null,
                                standIns.computeIfAbsent(
                                    victim.victimSource() + "|" + victim.victimRef(),
                                    key -> "victim " + (standIns.size() + 1)),
                                victim.relationship()))
                    .toList());
  }

  private static Map<String, Object> visibleTo(Caller reader, Map<String, Object> details) {
    return details == null ? null : RecordDetailsAccess.visibleTo(reader.roles(), details);
  }

  private boolean mayRead(Caller reader, UUID id) {
    return mayRead(reader, perpetrators.reachOf(id, ProfileAccess.needs(reader.roles())));
  }

  private static boolean mayRead(Caller reader, ProfileAccess.Reach reach) {
    return ProfileAccess.mayRead(
        reader.roles(), reader.subject(), reader.agency(), reader.areas(), reach);
  }

  private Optional<ProfileView> resolve(UUID id) {
    return perpetrators
        .livingId(id)
        .map(current -> new ProfileView(current, perpetrators.profile(current)));
  }
}
