package org.matac.tracking.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.FieldError;
import org.matac.testing.Envelopes;

class EnvelopeParserTest {

  private final EnvelopeParser parser =
      new EnvelopeParser(
          new IntakeRules(
              List.of("SOUTHAMPTON", "PORTSMOUTH"),
              List.of("HAMPSHIRE_POLICE"),
              List.of("COMMON_ASSAULT", "OTHER", "NON_CRIME")),
          Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

  private EnvelopeParser.Parsed parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> fieldsIn(EnvelopeParser.Parsed parsed) {
    return parsed.errors().stream().map(FieldError::field).toList();
  }

  @Nested
  class AValidIncident {

    @Test
    void is_accepted_with_its_pnc_id_normalised() {
      var parsed = parse(Envelopes.incident().withPnc("19/12345x").json());

      assertThat(parsed.errors()).isEmpty();
      assertThat(parsed.event().orElseThrow().perpetrator().pncId().orElseThrow().value())
          .isEqualTo("2019/0012345X");
    }

    @Test
    void has_the_same_canonical_body_whatever_its_member_order_and_white_space() {
      String json = Envelopes.incident().json();
      String reordered =
          json.replace(
                  "\"childrenPresent\":true,\"dashRisk\":\"MEDIUM\"",
                  "\"dashRisk\":\"MEDIUM\" ,  \"childrenPresent\":true")
              .replace("\n", "\n   ");

      assertThat(parse(reordered).event().orElseThrow().bodySha256())
          .isEqualTo(parse(json).event().orElseThrow().bodySha256());
    }
  }

  @Nested
  class AnInvalidEnvelope {

    @Test
    void names_every_missing_required_field_at_once() {
      var parsed = parse("{\"type\":\"INCIDENT_REPORTED\",\"payload\":{}}");

      assertThat(fieldsIn(parsed))
          .contains(
              "eventId",
              "source",
              "sourceReference",
              "occurredAt",
              "recordedAt",
              "area",
              "perpetrator",
              "payload.incidentRef",
              "payload.crimed",
              "payload.victims");
    }

    @Test
    void rejects_a_date_only_occurred_at() {
      var parsed = parse(Envelopes.incident().occurredAt("2026-10-01").json());

      assertThat(fieldsIn(parsed)).containsExactly("occurredAt");
    }

    @Test
    void rejects_a_local_time_without_an_offset() {
      var parsed = parse(Envelopes.incident().recordedAt("2026-10-01T10:00:00").json());

      assertThat(fieldsIn(parsed)).containsExactly("recordedAt");
    }

    @Test
    void accepts_an_offset_and_compares_it_as_an_instant() {
      var parsed = parse(Envelopes.incident().recordedAt("2026-10-02T09:30:00+01:00").json());

      assertThat(parsed.event().orElseThrow().recordedAt().toString())
          .isEqualTo("2026-10-02T08:30:00Z");
    }

    @Test
    void rejects_an_unknown_area_by_name() {
      var parsed = parse(Envelopes.incident().withArea("ATLANTIS").json());

      assertThat(parsed.errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("area");
                assertThat(error.message()).contains("ATLANTIS");
              });
    }

    @Test
    void rejects_an_offence_category_outside_the_gravity_table_naming_the_allowed_ones() {
      var parsed = parse(Envelopes.incident().withOffence("JAYWALKING").json());

      assertThat(parsed.errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.field()).isEqualTo("payload.offences[0].category");
                assertThat(error.message()).contains("COMMON_ASSAULT", "OTHER");
              });
    }

    @Test
    void rejects_a_crimed_incident_without_offences() {
      String json =
          Envelopes.incident().json().replace("[{\"category\":\"COMMON_ASSAULT\"}]", "[]");

      assertThat(fieldsIn(parse(json))).containsExactly("payload.offences");
    }

    @Test
    void rejects_a_malformed_pnc_id() {
      assertThat(fieldsIn(parse(Envelopes.incident().withPnc("ABC").json())))
          .containsExactly("perpetrator.pncId");
    }

    @Test
    void rejects_text_that_is_not_json_without_quoting_it() {
      var parsed = parse("{\"eventId\": \"secret-victim-name\" ");

      assertThat(parsed.errors()).singleElement().extracting(FieldError::field).isEqualTo("$");
      assertThat(parsed.errors().get(0).message()).doesNotContain("secret-victim-name");
    }

    @Test
    void rejects_a_withdrawal_of_a_withdrawal() {
      String json =
          """
          {"eventId":"0b9f5d4e-1c2a-4f3b-8d7e-6a5b4c3d2e1f","type":"RECORD_WITHDRAWN",
           "source":"HAMPSHIRE_POLICE","sourceReference":"44/1/26",
           "occurredAt":"2026-10-01T21:14:00Z","recordedAt":"2026-10-03T08:30:00Z",
           "perpetrator":{"sourcePersonId":"NICHE-1"},
           "payload":{"withdrawnType":"RECORD_WITHDRAWN","reason":"OTHER"}}
          """;

      assertThat(fieldsIn(parse(json))).containsExactly("payload.withdrawnType");
    }

    @Test
    void rejects_a_date_of_birth_after_today_and_accepts_one_today() {
      assertThat(fieldsIn(parse(Envelopes.incident().bornOn("2026-12-08").json())))
          .containsExactly("perpetrator.dateOfBirth");
      assertThat(fieldsIn(parse(Envelopes.incident().bornOn("2026-12-07").json()))).isEmpty();
    }

    @Test
    void rejects_a_victims_date_of_birth_in_the_future_by_its_path() {
      String json =
          Envelopes.incident()
              .json()
              .replace("\"relationship\":", "\"dateOfBirth\":\"2031-01-01\",\"relationship\":");

      assertThat(fieldsIn(parse(json))).containsExactly("payload.victims[0].dateOfBirth");
    }
  }

  @Nested
  class AFieldLongerThanItsLimit {

    @Test
    void is_rejected_naming_the_field_and_its_limit_without_quoting_it() {
      String name = "Verylongname".repeat(11);

      var parsed = parse(Envelopes.incident().withSourceReference(name).json());

      assertThat(parsed.errors())
          .contains(new FieldError("sourceReference", "must be at most 128 characters"))
          .noneMatch(error -> error.message().contains("Verylongname"));
    }

    @Test
    void is_accepted_at_exactly_its_limit() {
      assertThat(parse(Envelopes.incident().withSourceReference("R".repeat(128)).json()).errors())
          .isEmpty();
    }

    @Test
    void inside_a_victims_contact_is_named_by_its_path() {
      String json = Envelopes.incident().withVictimAddress("1 Fake Street ".repeat(40)).json();

      assertThat(fieldsIn(parse(json))).containsExactly("payload.victims[0].contact.address");
    }

    @Test
    void not_listed_is_held_to_the_general_limit() {
      String json =
          Envelopes.incident()
              .json()
              .replace("\"dashRisk\":\"MEDIUM\"", "\"dashRisk\":\"" + "M".repeat(201) + "\"");

      assertThat(parse(json).errors())
          .containsExactly(new FieldError("payload.dashRisk", "must be at most 200 characters"));
    }
  }
}
