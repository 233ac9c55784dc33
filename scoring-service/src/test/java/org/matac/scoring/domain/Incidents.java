package org.matac.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** An Object Mother for incidents and people, relative to a fixed scoring instant. */
final class Incidents {

  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
  private static final long DAY = 86_400;
  private static int counter;

  private Incidents() {}

  static Builder daysBefore(long days) {
    return new Builder(AS_OF.minusSeconds(days * DAY));
  }

  static Builder secondsBefore(long seconds) {
    return new Builder(AS_OF.minusSeconds(seconds));
  }

  static PersonFacts person(IncidentFacts... incidents) {
    return new PersonFacts(Optional.empty(), List.of(incidents));
  }

  static PersonFacts bornOn(LocalDate dateOfBirth, IncidentFacts... incidents) {
    return new PersonFacts(Optional.of(dateOfBirth), List.of(incidents));
  }

  static final class Builder {
    private final Instant occurredAt;
    private Instant recordedAt;
    private String source = "HAMPSHIRE_POLICE";
    private String incidentRef = "INC-" + ++counter;
    private String sourceReference = "REF-" + counter;
    private String area = "SOUTHAMPTON";
    private List<String> offences = new ArrayList<>(List.of("COMMON_ASSAULT"));
    private Set<IncidentFacts.VictimKey> victims =
        Set.of(new IncidentFacts.VictimKey("HAMPSHIRE_POLICE", "V-1"));
    private boolean children;
    private boolean partner = true;
    private int recordVersion;
    private String eventId = "";
    private boolean withdrawal;

    /** Another version of the record {@code sourceReference}. */
    Builder record(String sourceReference) {
      this.sourceReference = sourceReference;
      return this;
    }

    Builder recordVersion(int value) {
      recordVersion = value;
      return this;
    }

    Builder eventId(String value) {
      eventId = value;
      return this;
    }

    /** A withdrawal version of the record. */
    Builder withdrawal() {
      withdrawal = true;
      return this;
    }

    Builder children(boolean value) {
      children = value;
      return this;
    }

    Builder partner(boolean value) {
      partner = value;
      return this;
    }

    private Builder(Instant occurredAt) {
      this.occurredAt = occurredAt;
      this.recordedAt = occurredAt;
    }

    Builder ref(String source, String incidentRef) {
      this.source = source;
      this.incidentRef = incidentRef;
      return this;
    }

    Builder area(String value) {
      area = value;
      return this;
    }

    Builder offences(String... categories) {
      offences = List.of(categories);
      return this;
    }

    Builder victims(String... victimRefs) {
      victims =
          Arrays.stream(victimRefs)
              .map(ref -> new IncidentFacts.VictimKey("HAMPSHIRE_POLICE", ref))
              .collect(Collectors.toSet());
      return this;
    }

    Builder recordedAt(Instant value) {
      recordedAt = value;
      return this;
    }

    IncidentFacts build() {
      return new IncidentFacts(
          source,
          incidentRef,
          sourceReference,
          occurredAt,
          recordedAt,
          area,
          offences,
          victims,
          children,
          partner,
          new VersionStamp(recordVersion, recordedAt, eventId, withdrawal));
    }
  }
}
