package org.matac.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;

/**
 * An Object Mother for the whole-profile messages tracking publishes: a synthetic person, Testy
 * Fakeperson, known to Hampshire police, with the incidents and records given. Unless told
 * otherwise the message says the last incident added was recorded, and its profile version is newer
 * than any an earlier message in the test carried, as tracking's versions are.
 */
public final class Profiles {

  private final String perpetratorId;
  private final List<ProfileChanged.SourceIdentity> identities = new ArrayList<>();
  private final List<ProfileChanged.Incident> incidents = new ArrayList<>();
  private final List<ProfileChanged.PartnerRecord> records = new ArrayList<>();
  private final List<ProfileChanged.Version> versions = new ArrayList<>();
  private List<ProfileChanged.Change> changes;
  private long version = System.nanoTime();
  private Instant changedAt = Instant.now();
  private String givenName = "Testy";
  private String familyName = "Fakeperson";
  private LocalDate dateOfBirth;

  private Profiles(String perpetratorId) {
    this.perpetratorId = perpetratorId;
    identities.add(new ProfileChanged.SourceIdentity("HAMPSHIRE_POLICE", "NICHE-" + perpetratorId));
  }

  public static Profiles of(String perpetratorId) {
    return new Profiles(perpetratorId);
  }

  /** An incident against a partner, reported by Hampshire police, to adjust before adding. */
  public static IncidentBuilder anIncident(String reference) {
    return new IncidentBuilder(reference);
  }

  public Profiles version(long profileVersion) {
    this.version = profileVersion;
    return this;
  }

  public Profiles changedAt(Instant at) {
    this.changedAt = at;
    return this;
  }

  public Profiles named(String given, String family) {
    this.givenName = given;
    this.familyName = family;
    return this;
  }

  public Profiles born(LocalDate on) {
    this.dateOfBirth = on;
    return this;
  }

  /** The person as the records system names them, instead of NICHE-&lt;id&gt;. */
  public Profiles knownAs(String source, String sourcePersonId) {
    identities.clear();
    identities.add(new ProfileChanged.SourceIdentity(source, sourcePersonId));
    return this;
  }

  /** The changes the message names, instead of the last incident recorded. */
  public Profiles changes(ProfileChanged.Change... named) {
    this.changes = List.of(named);
    return this;
  }

  public Profiles incident(IncidentBuilder incident) {
    return incident(incident.build());
  }

  public Profiles incident(ProfileChanged.Incident incident) {
    incidents.add(incident);
    return this;
  }

  /** An incident against intimate partners, occurring and recorded at {@code at}. */
  public Profiles incident(
      String reference, Instant at, String area, List<String> offences, String... victims) {
    IncidentBuilder incident = anIncident(reference).at(at).in(area).offences(offences);
    Arrays.stream(victims).forEach(incident::against);
    return incident(incident);
  }

  public Profiles record(ProfileChanged.PartnerRecord record) {
    records.add(record);
    return this;
  }

  /** A record other than an incident, as Hampshire police reported it. */
  public Profiles record(
      String type,
      String reference,
      Instant occurredAt,
      Instant recordedAt,
      String area,
      Map<String, Object> details) {
    records.add(
        new ProfileChanged.PartnerRecord(
            type, "HAMPSHIRE_POLICE", reference, occurredAt, recordedAt, area, details));
    return this;
  }

  /**
   * One version of an incident record, as tracking carries every version received; the last one
   * added for a reference is taken as its current version.
   */
  public Profiles version(
      String reference,
      int recordVersion,
      Instant recordedAt,
      Instant occurredAt,
      String area,
      String offence) {
    ProfileChanged.Incident incident =
        anIncident(reference)
            .at(occurredAt)
            .recordedAt(recordedAt)
            .in(area)
            .offences(List.of(offence))
            .against("V-1")
            .build();
    versions.add(
        new ProfileChanged.Version(
            "INCIDENT_REPORTED",
            "HAMPSHIRE_POLICE",
            reference,
            recordVersion,
            recordedAt,
            UUID.randomUUID(),
            false,
            incident,
            null));
    incidents.removeIf(current -> current.sourceReference().equals(reference));
    incidents.add(incident);
    return this;
  }

  public ProfileChanged message() {
    return new ProfileChanged(
        UUID.randomUUID(),
        perpetratorId,
        version,
        changedAt,
        UUID.randomUUID(),
        changes != null ? changes : lastIncidentRecorded(),
        new ProfileChanged.Profile(
            List.copyOf(identities),
            List.of(),
            givenName,
            familyName,
            dateOfBirth,
            List.copyOf(incidents),
            List.copyOf(records),
            List.copyOf(versions)));
  }

  /** The message as tracking would publish it. */
  public String json(ObjectMapper json) throws JsonProcessingException {
    return json.writeValueAsString(message());
  }

  private List<ProfileChanged.Change> lastIncidentRecorded() {
    if (incidents.isEmpty()) {
      return List.of();
    }
    ProfileChanged.Incident last = incidents.get(incidents.size() - 1);
    return List.of(
        new ProfileChanged.Change(
            ProfileChanged.ChangeKind.INCIDENT_RECORDED, last.source(), last.sourceReference()));
  }

  /** One incident, with defaults a test changes only where they matter to it. */
  public static final class IncidentBuilder {

    private final String reference;
    private String source = "HAMPSHIRE_POLICE";
    private Instant occurredAt = Instant.parse("2026-10-01T21:14:00Z");
    private Instant recordedAt;
    private String area = "SOUTHAMPTON";
    private boolean crimed = true;
    private List<String> offences = List.of("COMMON_ASSAULT");
    private final List<ProfileChanged.VictimLink> victims = new ArrayList<>();
    private boolean childrenPresent;
    private String dashRisk;

    private IncidentBuilder(String reference) {
      this.reference = reference;
    }

    public IncidentBuilder from(String reportingSource) {
      this.source = reportingSource;
      return this;
    }

    public IncidentBuilder at(Instant occurred) {
      this.occurredAt = occurred;
      return this;
    }

    public IncidentBuilder recordedAt(Instant recorded) {
      this.recordedAt = recorded;
      return this;
    }

    public IncidentBuilder in(String incidentArea) {
      this.area = incidentArea;
      return this;
    }

    public IncidentBuilder offences(List<String> categories) {
      this.offences = categories;
      return this;
    }

    public IncidentBuilder notCrimed() {
      this.crimed = false;
      this.offences = List.of();
      return this;
    }

    /** Against an intimate partner known to the incident's source by {@code victimRef}. */
    public IncidentBuilder against(String victimRef) {
      return against(victimRef, "INTIMATE_PARTNER");
    }

    public IncidentBuilder against(String victimRef, String relationship) {
      victims.add(new ProfileChanged.VictimLink(source, victimRef, relationship));
      return this;
    }

    public IncidentBuilder childrenPresent() {
      this.childrenPresent = true;
      return this;
    }

    public IncidentBuilder dashRisk(String risk) {
      this.dashRisk = risk;
      return this;
    }

    public ProfileChanged.Incident build() {
      return new ProfileChanged.Incident(
          source,
          reference,
          reference,
          occurredAt,
          recordedAt == null ? occurredAt : recordedAt,
          area,
          crimed,
          offences,
          List.copyOf(victims),
          childrenPresent,
          dashRisk);
    }
  }
}
