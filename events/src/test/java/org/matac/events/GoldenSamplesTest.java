package org.matac.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matac.events.intake.PartnerEnvelope;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.tracking.ProfileChanged;

class GoldenSamplesTest {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @ParameterizedTest(name = "{0} reads into {1} and writes back unchanged")
  @CsvSource({
    "incident-reported.json, org.matac.events.intake.PartnerEnvelope",
    "safety-worker-assigned.json, org.matac.events.intake.PartnerEnvelope",
    "profile-changed.json, org.matac.events.tracking.ProfileChanged",
    "score-changed.json, org.matac.events.scoring.ScoreChanged"
  })
  void every_golden_sample_round_trips_through_its_record(String sample, Class<?> record)
      throws IOException {
    JsonNode original = read(sample);

    Object value = mapper.treeToValue(original, record);
    // Through text, as on the wire: a long and an int that print alike are the same JSON number.
    JsonNode written = mapper.readTree(mapper.writeValueAsString(value));

    assertThat(written).isEqualTo(original);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"incident-reported.json", "safety-worker-assigned.json"})
  void partner_samples_name_a_perpetrator_by_source_person_id(String sample) throws IOException {
    PartnerEnvelope envelope = mapper.treeToValue(read(sample), PartnerEnvelope.class);

    assertThat(envelope.perpetrator().sourcePersonId()).isNotBlank();
  }

  @Test
  void internal_samples_are_keyed_by_the_same_perpetrator() throws IOException {
    ProfileChanged profile = mapper.treeToValue(read("profile-changed.json"), ProfileChanged.class);
    ScoreChanged score = mapper.treeToValue(read("score-changed.json"), ScoreChanged.class);

    assertThat(score.perpetratorId()).isEqualTo(profile.perpetratorId());
    assertThat(score.causedByMessageId()).isEqualTo(profile.messageId());
  }

  private JsonNode read(String sample) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
      assertThat(in).as("sample %s on the test classpath", sample).isNotNull();
      return mapper.readTree(in);
    }
  }
}
