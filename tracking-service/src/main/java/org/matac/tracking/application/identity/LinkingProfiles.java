package org.matac.tracking.application.identity;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.tracking.domain.ManualLink;
import org.matac.tracking.domain.PeopleGraph;
import org.matac.tracking.persistence.IdentityStore;
import org.matac.tracking.persistence.PerpetratorStore;

/**
 * An admin's hand on identity: linking two profiles that partners' identifiers do not join, and
 * removing such a link, each with a reason. A link joins two identifiers, so it survives later
 * merges; removing it separates the profiles again unless their records still join them.
 */
@Singleton
public class LinkingProfiles {

  private final IdentityStore identity;
  private final PerpetratorStore perpetrators;
  private final ResolvingPeople people;
  private final ProfileChanges profileChanges;
  private final AuditTrail audit;
  private final Clock clock;

  public LinkingProfiles(
      IdentityStore identity,
      PerpetratorStore perpetrators,
      ResolvingPeople people,
      ProfileChanges profileChanges,
      AuditTrail audit,
      Clock clock) {
    this.identity = identity;
    this.perpetrators = perpetrators;
    this.people = people;
    this.profileChanges = profileChanges;
    this.audit = audit;
    this.clock = clock;
  }

  /** A link and the people it leaves: one after a link, possibly two after a removal. */
  public record Linked(ManualLink link, Set<UUID> perpetratorIds) {}

  @Transactional
  public Linked link(UUID perpetratorId, UUID otherId, String reason, Caller admin) {
    UUID one = current(perpetratorId);
    UUID other = current(otherId);
    if (one.equals(other)) {
      throw Refused.conflict(
          perpetratorId + " and " + otherId + " are already one profile (" + one + ").");
    }
    Instant now = clock.instant();
    ManualLink link =
        new ManualLink(
            UUID.randomUUID(),
            representative(one),
            representative(other),
            reason,
            admin.subject(),
            now,
            null,
            null,
            null);
    identity.addLink(link);
    ResolvingPeople.Regrouping regrouping =
        people.regroup(List.of(link.fromNode(), link.toNode()), link.fromNode(), now);
    publish(regrouping, link, admin, "linked by hand: " + reason, now);
    return new Linked(link, Set.of(regrouping.outcome().ownerOf().get(link.fromNode())));
  }

  /**
   * Removes a link. Refused (409, nothing changed) when the two profiles would still be one person
   * through their records' identifiers: the sending agency must correct those records.
   */
  @Transactional
  public Linked unlink(UUID linkId, String reason, Caller admin) {
    ManualLink link =
        identity.link(linkId).orElseThrow(() -> Refused.notFound("No link " + linkId + "."));
    Instant now = clock.instant();
    if (!identity.removeLink(linkId, admin.subject(), reason, now)) {
      throw Refused.conflict("Link " + linkId + " was already removed.");
    }
    ResolvingPeople.Regrouping regrouping =
        people.regroup(List.of(link.fromNode(), link.toNode()), link.fromNode(), now);
    UUID from = regrouping.outcome().ownerOf().get(link.fromNode());
    UUID to = regrouping.outcome().ownerOf().get(link.toNode());
    if (from != null && from.equals(to)) {
      throw Refused.conflict(
          "Removing this link would not separate the profiles: their current records share"
              + " identifiers (a PNC id or another link). Ask the sending agency to correct those"
              + " records, or remove the other link first.");
    }
    publish(regrouping, link, admin, "link removed by hand: " + reason, now);
    Set<UUID> separated = new TreeSet<>();
    Optional.ofNullable(from).ifPresent(separated::add);
    Optional.ofNullable(to).ifPresent(separated::add);
    return new Linked(identity.link(linkId).orElseThrow(), separated);
  }

  /** The manual links touching a profile's identifiers, standing or removed. */
  @Transactional
  public List<ManualLink> linksOf(UUID perpetratorId) {
    UUID person = current(perpetratorId);
    return identity.linksOf(identity.heldBy(List.of(person)).keySet());
  }

  private void publish(
      ResolvingPeople.Regrouping regrouping,
      ManualLink link,
      Caller admin,
      String why,
      Instant now) {
    Map<UUID, List<ProfileChanged.Change>> changes = new LinkedHashMap<>();
    profileChanges.identityChanges(regrouping, changes, admin, why);
    profileChanges.publishAll(changes, link.id(), now);
    audit.record(
        AuditEntry.allowed(
            admin, AuditEntry.Action.COMBINATION, "IDENTITY_LINK", link.id().toString(), why));
  }

  /** The profile an id lives at now, following merges. */
  private UUID current(UUID id) {
    return perpetrators
        .livingId(id)
        .orElseThrow(() -> Refused.notFound("No perpetrator has id " + id + "."));
  }

  /** The identifier a link is made to: the profile's smallest (source, sourcePersonId). */
  private String representative(UUID person) {
    return identity.heldBy(List.of(person)).keySet().stream()
        .filter(PeopleGraph::isSourceNode)
        .min(String::compareTo)
        .orElseThrow(() -> Refused.conflict("Profile " + person + " holds no identifier to link."));
  }
}
