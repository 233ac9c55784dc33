package org.matac.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void name_based_ids_are_rfc_9562_version_5_uuids() {
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    // The RFC's namespace for domain names, and the id Python's uuid.uuid5 gives the same name.
    assertThat(EventIds.nameBased(dns, "www.example.com"))
        .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
  }

  @Test
  void the_same_record_version_gets_the_same_id_in_every_import() {
    assertThat(EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/25/N-1", 1))
        .isEqualTo(EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/25/N-1", 1));
  }

  @Test
  void another_version_agency_type_or_reference_gets_another_id() {
    UUID first = EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/25/N-1", 1);

    assertThat(EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/25/N-1", 2))
        .isNotEqualTo(first);
    assertThat(EventIds.of("THAMES_VALLEY_POLICE", "INCIDENT_REPORTED", "44/1/25/N-1", 1))
        .isNotEqualTo(first);
    assertThat(EventIds.of("HAMPSHIRE_POLICE", "MARAC_REFERRAL", "44/1/25/N-1", 1))
        .isNotEqualTo(first);
    assertThat(EventIds.of("HAMPSHIRE_POLICE", "INCIDENT_REPORTED", "44/1/25/N-2", 1))
        .isNotEqualTo(first);
  }
}
