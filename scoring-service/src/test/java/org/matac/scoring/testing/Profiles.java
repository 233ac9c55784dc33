package org.matac.scoring.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;

/**
 * An Object Mother for the whole-profile messages tracking publishes: a synthetic person with the
 * incidents given, each against its own victims as an intimate partner.
 */
public final class Profiles {

  private final String perpetratorId;
  private final List<ProfileChanged.Incident> incidents = new ArrayList<>();
  private final List<ProfileChanged.Version> versions = new ArrayList<>();

  private Profiles(String perpetratorId) {
    this.perpetratorId = perpetratorId;
  }

  public static Profiles of(String perpetratorId) {
    return new Profiles(perpetratorId);
  }

  public Profiles incident(
      String reference, Instant at, String area, List<String> offences, String... victims) {
    incidents.add(
        new ProfileChanged.Incident(
            "HAMPSHIRE_POLICE",
            reference,
            reference,
            at,
            at,
            area,
            true,
            offences,
            Arrays.stream(victims)
                .map(
                    victim ->
                        new ProfileChanged.VictimLink(
                            "HAMPSHIRE_POLICE", victim, "INTIMATE_PARTNER"))
                .toList(),
            false,
            null));
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
        new ProfileChanged.Incident(
            "HAMPSHIRE_POLICE",
            reference,
            reference,
            occurredAt,
            recordedAt,
            area,
            true,
            List.of(offence),
            List.of(new ProfileChanged.VictimLink("HAMPSHIRE_POLICE", "V-1", "INTIMATE_PARTNER")),
            false,
            null);
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

  /** The message as tracking would publish it after the last incident was recorded. */
  public String json(ObjectMapper json) throws JsonProcessingException {
    return json.writeValueAsString(
        new ProfileChanged(
            UUID.randomUUID(),
            perpetratorId,
            System.nanoTime(),
            Instant.now(),
            UUID.randomUUID(),
            List.of(
                new ProfileChanged.Change(
                    ProfileChanged.ChangeKind.INCIDENT_RECORDED,
                    "HAMPSHIRE_POLICE",
                    incidents.get(incidents.size() - 1).sourceReference())),
            new ProfileChanged.Profile(
                List.of(
                    new ProfileChanged.SourceIdentity(
                        "HAMPSHIRE_POLICE", "NICHE-" + perpetratorId)),
                List.of(),
                "Testy",
                "Fakeperson",
                null,
                List.copyOf(incidents),
                List.of(),
                List.copyOf(versions))));
  }
}
