package org.matac.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private final Map<String, Object> profile =
      Map.of(
          "incidents",
          List.of(
              Map.of(
                  "incidentRef", "44/1/26",
                  "source", "HAMPSHIRE_POLICE",
                  "occurredAt", "2026-10-01T21:00:00Z",
                  "area", "SOUTHAMPTON",
                  "offenceCategories", List.of("COMMON_ASSAULT"),
                  "dashRisk", "HIGH",
                  "childrenPresent", true)),
          "records",
          List.of(
              Map.of(
                  "type", "PROTECTIVE_ORDER",
                  "source", "HAMPSHIRE_POLICE",
                  "occurredAt", "2026-11-05T10:00:00Z",
                  "area", "SOUTHAMPTON",
                  "details", Map.of("orderType", "DVPO", "conditions", List.of("no contact")))));

  @Test
  void lists_incidents_and_other_records_latest_first() {
    List<Timeline.Line> lines = Timeline.of(profile);

    assertThat(lines)
        .extracting(Timeline.Line::occurredAt)
        .containsExactly(
            Instant.parse("2026-11-05T10:00:00Z"), Instant.parse("2026-10-01T21:00:00Z"));
  }

  @Test
  void an_incident_says_its_offences_its_risk_and_whether_children_were_present() {
    Timeline.Line incident = Timeline.of(profile).get(1);

    assertThat(incident.what()).isEqualTo("Incident 44/1/26");
    assertThat(incident.details()).isEqualTo("Common assault; DASH risk high; children present");
  }

  @Test
  void a_record_is_named_by_its_type_and_shows_its_simple_fields_only() {
    Timeline.Line order = Timeline.of(profile).get(0);

    assertThat(order.what()).isEqualTo("Protective order");
    assertThat(order.details()).isEqualTo("Order type: DVPO");
  }

  @Test
  void an_empty_profile_has_an_empty_history() {
    assertThat(Timeline.of(Map.of())).isEmpty();
  }
}
