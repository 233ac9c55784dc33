package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.ScoringServiceTestBase;

@MicronautTest(transactional = false)
class FoundationListTest extends ScoringServiceTestBase {

  private static final String AREA = "HAVANT";

  @Inject ObjectMapper json;

  private void publish(String id, LocalDate born, List<ProfileChanged.PartnerRecord> records)
      throws Exception {
    Instant at = Instant.now().minus(Duration.ofDays(20));
    String reference = "HV/" + id;
    publishProfileChange(
        id,
        json.writeValueAsString(
            new ProfileChanged(
                UUID.randomUUID(),
                id,
                1,
                Instant.now(),
                UUID.randomUUID(),
                List.of(),
                new ProfileChanged.Profile(
                    List.of(new ProfileChanged.SourceIdentity("HAMPSHIRE_POLICE", "NICHE-" + id)),
                    List.of(),
                    "Testy",
                    "Fakeperson",
                    born,
                    List.of(
                        new ProfileChanged.Incident(
                            "HAMPSHIRE_POLICE",
                            reference,
                            reference,
                            at,
                            at,
                            AREA,
                            true,
                            List.of("COMMON_ASSAULT"),
                            List.of(
                                new ProfileChanged.VictimLink(
                                    "HAMPSHIRE_POLICE", "V-" + id, "EX_PARTNER")),
                            true,
                            null)),
                    records.stream()
                        .map(
                            record ->
                                new ProfileChanged.PartnerRecord(
                                    record.type(),
                                    record.source(),
                                    record.sourceReference(),
                                    at,
                                    at,
                                    null,
                                    Map.of("incidentRef", reference, "outcome", "CHARGE")))
                        .toList()))));
  }

  @Test
  void lists_who_meets_the_foundation_rules_and_leaves_out_someone_already_charged()
      throws Exception {
    LocalDate born = LocalDate.now(ZoneOffset.UTC).minusYears(24);
    String eligible = UUID.randomUUID().toString();
    String charged = UUID.randomUUID().toString();
    String unknownAge = UUID.randomUUID().toString();
    publish(eligible, born, List.of());
    publish(
        charged,
        born,
        List.of(
            new ProfileChanged.PartnerRecord(
                "JUSTICE_OUTCOME_RECORDED",
                "HAMPSHIRE_POLICE",
                "OUT/1",
                null,
                null,
                null,
                Map.of())));
    publish(unknownAge, null, List.of());
    for (String id : List.of(eligible, charged, unknownAge)) {
      awaitScoreOf(id);
    }
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    var response =
        exchange(
            HttpRequest.POST(
                    "/api/v1/cohorts/foundation",
                    "{\"area\":\"" + AREA + "\",\"asOf\":\"" + tomorrow + "\"}")
                .bearerAuth(analystToken()));

    assertThat(response.code()).isEqualTo(200);
    JsonNode cohort = json.readTree(body(response));
    assertThat(cohort.path("asOf").asText()).isEqualTo(tomorrow + "T00:00:00Z");
    assertThat(cohort.path("entries").findValuesAsText("perpetratorId")).containsExactly(eligible);

    String request = "{\"area\":\"" + AREA + "\",\"asOf\":\"" + tomorrow + "\"}";
    var published =
        exchange(
            HttpRequest.POST("/api/v1/cohorts/foundation/publications", request)
                .bearerAuth(analystToken()));
    assertThat(published.code()).isEqualTo(201);
    var message =
        topics.readUntil(
            Topics.FOUNDATION_LIST_PUBLISHED,
            record -> eligible.equals(record.key()),
            Duration.ofSeconds(30));
    assertThat(json.readTree(message.get(message.size() - 1).value()).path("rank").asInt())
        .isEqualTo(1);
    assertThat(
            countOf(
                "SELECT count(*) FROM audit_event WHERE action = 'DISCLOSURE'"
                    + " AND subject_id = ? AND recipient = ?",
                eligible,
                "Foundation programme, " + AREA))
        .isEqualTo(1);
    assertThat(
            exchange(
                    HttpRequest.POST("/api/v1/cohorts/foundation/publications", request)
                        .bearerAuth(analystToken()))
                .code())
        .as("a list is published once")
        .isEqualTo(409);
  }
}
