package org.matac.events.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@link EventType#INCIDENT_REPORTED}: one suspect's part in a police-recorded incident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReported(
    String incidentRef,
    Boolean crimed,
    List<Offence> offences,
    List<Victim> victims,
    Boolean childrenPresent,
    String dashRisk,
    Boolean injury,
    Boolean weaponUsed,
    Boolean alcohol,
    Boolean drugs) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Offence(String category, String code, String description) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Victim(
      String victimRef, String relationship, LocalDate dateOfBirth, VictimContact contact) {}

  /** The most sensitive fields of the system: stored only where a victim-safety role needs them. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VictimContact(String address, String phone, String email) {}
}
