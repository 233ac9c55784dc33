package org.matac.scoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/** A score as of an instant is what was known then: later corrections do not rewrite it. */
@MicronautTest(transactional = false)
class ScoreAsOfTest extends ScoringServiceTestBase {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Inject ObjectMapper json;

  private JsonNode scoreAt(String id, Instant asOf) throws Exception {
    return json.readTree(body(get("/api/v1/scores/" + id + "?asOf=" + asOf, analystToken())))
        .path("score");
  }

  @Test
  void uses_the_version_known_at_the_instant_even_after_a_later_correction() throws Exception {
    String person = UUID.randomUUID().toString();
    Instant occurred = NOW.minus(Duration.ofDays(20));
    Instant firstRecorded = NOW.minus(Duration.ofDays(19));
    Instant corrected = NOW.minus(Duration.ofDays(2));
    publishProfileChange(
        person,
        Profiles.of(person)
            .version("AS/1", 1, firstRecorded, occurred, "ASOF_AREA", "ABH")
            .version("AS/1", 2, corrected, occurred, "ASOF_AREA", "COMMON_ASSAULT")
            .json(json));
    awaitScoreOf(person);

    assertThat(scoreAt(person, NOW).path("harm").decimalValue()).isEqualByComparingTo("19");
    assertThat(scoreAt(person, corrected.minusSeconds(1)).path("harm").decimalValue())
        .as("before the correction was recorded, the first version stood")
        .isEqualByComparingTo("365");
    assertThat(scoreAt(person, firstRecorded.minusSeconds(1)).path("frequency").asInt())
        .as("before anything was recorded, nothing was known")
        .isZero();
  }
}
