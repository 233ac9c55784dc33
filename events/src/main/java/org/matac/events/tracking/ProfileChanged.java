package org.matac.events.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@code tracking.profile-changed.v1} once per change of a perpetrator profile, keyed
 * by {@code perpetratorId}. It carries what changed and the facts the other services need
 * (event-carried state), so that no consumer has to call tracking-service back. {@code
 * profileVersion} grows by one with every change: a consumer keeps the greatest it has seen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileChanged(
    UUID messageId,
    String perpetratorId,
    long profileVersion,
    Instant changedAt,
    UUID causedByEventId,
    List<Change> changes,
    Profile profile) {

  public enum ChangeKind {
    PROFILE_CREATED,
    INCIDENT_RECORDED,
    INCIDENT_CORRECTED,
    INCIDENT_WITHDRAWN,
    IDENTITY_UPDATED,
    /** Another profile was found to be this person and folded in; {@code reference} is its id. */
    PROFILES_MERGED
  }

  /** One thing that changed; {@code source} and {@code reference} name the record concerned. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(ChangeKind kind, String source, String reference) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(
      List<SourceIdentity> identities,
      List<String> pncIds,
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      List<Incident> incidents) {}

  public record SourceIdentity(String source, String sourcePersonId) {}

  /** The current version of one incident record. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Incident(
      String source,
      String incidentRef,
      String sourceReference,
      Instant occurredAt,
      Instant recordedAt,
      String area,
      boolean crimed,
      List<String> offenceCategories,
      List<VictimLink> victims,
      boolean childrenPresent,
      String dashRisk) {}

  /** A victim by reference only: contact details never leave tracking-service on this topic. */
  public record VictimLink(String victimSource, String victimRef, String relationship) {}
}
