package org.matac.events.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    PROFILES_MERGED,
    /** A record other than an incident became current for the first time; see recordType. */
    RECORD_ADDED,
    RECORD_CORRECTED,
    RECORD_WITHDRAWN,
    /**
     * A version that is not the record's current one arrived late: the current profile is
     * unchanged, but what was known at some past instant changed (see {@code Profile.versions}).
     */
    EARLIER_VERSION_RECORDED,
    /**
     * Records that had joined this profile to another no longer do (a correction or withdrawal
     * removed the shared identifier, or an admin removed a manual link); {@code reference} is the
     * other profile's id, which is published again with its own records.
     */
    PROFILES_SEPARATED
  }

  /**
   * One thing that changed; {@code source} and {@code reference} name the record concerned, and
   * {@code recordType} its contract type for the RECORD_ kinds.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(ChangeKind kind, String source, String reference, String recordType) {

    public Change(ChangeKind kind, String source, String reference) {
      this(kind, source, reference, null);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Profile(
      List<SourceIdentity> identities,
      List<String> pncIds,
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      List<Incident> incidents,
      List<PartnerRecord> records,
      List<Version> versions) {

    public Profile {
      records = records == null ? List.of() : records;
      versions = versions == null ? List.of() : versions;
    }

    /** A profile without version history, as published before versions were carried. */
    public Profile(
        List<SourceIdentity> identities,
        List<String> pncIds,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        List<Incident> incidents,
        List<PartnerRecord> records) {
      this(identities, pncIds, givenName, familyName, dateOfBirth, incidents, records, List.of());
    }
  }

  /**
   * Every version received of the person's incident and justice-outcome records, current or not,
   * including withdrawals: the state "as of" an instant T uses, for each record, the greatest
   * version among those recorded at or before T, so scores at past instants need them all. An
   * incident version carries {@code incident}; a justice outcome version carries {@code details}; a
   * withdrawal carries neither.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Version(
      String type,
      String source,
      String sourceReference,
      int recordVersion,
      Instant recordedAt,
      UUID eventId,
      boolean withdrawal,
      Incident incident,
      Map<String, Object> details) {}

  /**
   * The current version of a record other than an incident (justice outcome, protective order,
   * breach, custody status, MARAC or partner referral, intervention status), by its contract type,
   * with the payload's fields as reported. Victim contact details are never among them.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PartnerRecord(
      String type,
      String source,
      String sourceReference,
      Instant occurredAt,
      Instant recordedAt,
      String area,
      Map<String, Object> details) {}

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
      String dashRisk) {

    /** The same incident with {@code others} as its victims. */
    public Incident withVictims(List<VictimLink> others) {
      return new Incident(
          source,
          incidentRef,
          sourceReference,
          occurredAt,
          recordedAt,
          area,
          crimed,
          offenceCategories,
          others,
          childrenPresent,
          dashRisk);
    }
  }

  /** A victim by reference only: contact details never leave tracking-service on this topic. */
  public record VictimLink(String victimSource, String victimRef, String relationship) {}
}
