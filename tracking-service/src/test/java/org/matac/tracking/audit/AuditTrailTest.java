package org.matac.tracking.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

@MicronautTest(transactional = false)
class AuditTrailTest extends TrackingServiceTestBase {

  @Inject ObjectMapper json;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    // Verification walks the chain a few rows at a time here, so the newest row a test tampers
    // with is many pages in: a break must be found across page boundaries.
    properties.put("matac.audit.verification-page", "7");
    return properties;
  }

  private String auditor() {
    return token("auditor-1", "AUDITOR", "HAMPSHIRE_POLICE");
  }

  private JsonNode auditRows(String query) throws Exception {
    var response = get("/api/v1/audit?" + query, auditor());
    assertThat(response.code()).isEqualTo(200);
    return json.readTree(body(response)).path("items");
  }

  /** The service's own database connection, as its database role. */
  /** The database owner, as migrations connect: able to alter tables, unlike the service. */
  private Connection database() throws SQLException {
    return connectAs("migrations");
  }

  /** The role the service itself runs as. */
  private Connection serviceRole() throws SQLException {
    return connectAs("default");
  }

  @Nested
  class EveryActOnPersonalData {

    @Test
    void leaves_a_collection_row_for_intake_and_a_consultation_row_per_profile_read()
        throws Exception {
      var incident = Envelopes.incident();
      postEvent(incident.json(), partnerToken(POLICE));
      String id = perpetratorIdOf(incident.sourcePersonId);

      JsonNode rows = auditRows("subjectType=PERPETRATOR&subjectId=" + id);

      assertThat(rows.findValuesAsText("action")).containsExactly("COLLECTION", "CONSULTATION");
      assertThat(rows.get(0).path("actor").asText()).isEqualTo("system-HAMPSHIRE_POLICE");
      assertThat(rows.get(1).path("actor").asText()).isEqualTo("analyst-1");
      assertThat(rows.findValuesAsText("outcome")).containsOnly("ALLOWED");
      assertThat(rows.toString()).doesNotContain(incident.victimAddress);
    }

    @Test
    void that_is_refused_leaves_a_denied_row_naming_the_caller() throws Exception {
      String intruder = "caseworker-" + UUID.randomUUID();

      var refused =
          postEvent(Envelopes.incident().json(), token(intruder, "CASEWORKER", "HAMPTON_TRUST"));

      assertThat(refused.code()).isEqualTo(403);
      JsonNode rows = auditRows("actor=" + intruder);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).path("outcome").asText()).isEqualTo("DENIED");
      assertThat(rows.get(0).path("action").asText()).isEqualTo("COLLECTION");
    }

    @Test
    void is_not_done_when_its_audit_row_cannot_be_written() throws Exception {
      String actor = "audit-must-fail-" + UUID.randomUUID();
      try (Connection connection = database();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "ALTER TABLE audit_event ADD CONSTRAINT forced_failure CHECK (actor <> '"
                + actor
                + "')");
      }
      try {
        var incident = Envelopes.incident();
        var response = postEvent(incident.json(), token(actor, "PARTNER_SYSTEM", POLICE));

        assertThat(response.code()).isEqualTo(500);
        assertThat(body(response)).doesNotContain("forced_failure").doesNotContain("Exception");
        var lookup =
            get(
                "/api/v1/perpetrators?source=HAMPSHIRE_POLICE&sourcePersonId="
                    + incident.sourcePersonId,
                analystToken());
        assertThat(json.readTree(body(lookup)).path("items")).isEmpty();
      } finally {
        try (Connection connection = database();
            Statement statement = connection.createStatement()) {
          statement.execute("ALTER TABLE audit_event DROP CONSTRAINT forced_failure");
        }
      }
    }
  }

  @Nested
  class TheAuditTable {

    @Test
    void refuses_update_delete_truncate_and_alteration_to_the_service_role() throws Exception {
      postEvent(Envelopes.incident().json(), partnerToken(POLICE));
      try (Connection connection = serviceRole();
          Statement statement = connection.createStatement()) {
        for (String change :
            new String[] {
              "UPDATE audit_event SET actor = 'someone-else'",
              "DELETE FROM audit_event",
              "TRUNCATE audit_event",
              "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete"
            }) {
          assertThatThrownBy(() -> statement.execute(change))
              .as(change)
              .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
      }
    }

    @Test
    void refuses_update_delete_and_truncate_even_to_the_owner_while_its_guards_are_on()
        throws Exception {
      postEvent(Envelopes.incident().json(), partnerToken(POLICE));
      try (Connection connection = database();
          Statement statement = connection.createStatement()) {
        for (String change :
            new String[] {
              "UPDATE audit_event SET actor = 'someone-else'",
              "DELETE FROM audit_event",
              "TRUNCATE audit_event"
            }) {
          assertThatThrownBy(() -> statement.execute(change))
              .as(change)
              .hasMessageContaining("append-only");
        }
      }
    }

    @Test
    void shows_a_tampered_row_as_the_first_break_in_the_chain() throws Exception {
      postEvent(Envelopes.incident().json(), partnerToken(POLICE));
      JsonNode intact = json.readTree(body(get("/api/v1/audit/verification", auditor())));
      assertThat(intact.path("intact").asBoolean()).isTrue();
      long seq;
      String actor;
      try (Connection connection = database();
          Statement statement = connection.createStatement()) {
        // The newest sealed row: a row still waiting for the sealer is not yet in the chain.
        var last =
            statement.executeQuery(
                "SELECT seq, actor FROM audit_event WHERE chain_pos IS NOT NULL"
                    + " ORDER BY chain_pos DESC LIMIT 1");
        last.next();
        seq = last.getLong(1);
        actor = last.getString(2);
        // Only someone able to switch the guard off can do this; the chain still tells.
        statement.execute(
            "ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete");
        statement.execute("UPDATE audit_event SET actor = 'covering-tracks' WHERE seq = " + seq);
      }
      try {
        JsonNode broken = json.readTree(body(get("/api/v1/audit/verification", auditor())));

        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(seq);
      } finally {
        try (Connection connection = database();
            Statement statement = connection.createStatement()) {
          statement.execute("UPDATE audit_event SET actor = '" + actor + "' WHERE seq = " + seq);
          statement.execute(
              "ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete");
        }
      }
      assertThat(
              json.readTree(body(get("/api/v1/audit/verification", auditor())))
                  .path("intact")
                  .asBoolean())
          .isTrue();
    }

    @Test
    void refuses_a_second_sealing_of_a_row_even_to_the_service_role() throws Exception {
      postEvent(Envelopes.incident().json(), partnerToken(POLICE));
      get("/api/v1/audit/verification", auditor());
      try (Connection connection = serviceRole();
          Statement statement = connection.createStatement()) {
        String reseal =
            "UPDATE audit_event SET hash = repeat('0', 64)"
                + " WHERE seq = (SELECT max(seq) FROM audit_event WHERE hash IS NOT NULL)";

        assertThatThrownBy(() -> statement.execute(reseal)).hasMessageContaining("append-only");
      }
    }

    @Test
    void is_for_auditors_only() {
      assertThat(get("/api/v1/audit", analystToken()).code()).isEqualTo(403);
    }
  }

  @Nested
  class TheChain {

    private long unsealedRows() throws SQLException {
      return countOf("SELECT count(*) FROM audit_event WHERE hash IS NULL");
    }

    @Test
    void takes_in_every_committed_row_shortly_after_without_anyone_asking() throws Exception {
      postEvent(Envelopes.incident().json(), partnerToken(POLICE));

      await().atMost(Duration.ofSeconds(10)).until(() -> unsealedRows() == 0);
    }

    @Test
    void puts_a_row_after_those_committed_before_it_even_when_it_was_numbered_first()
        throws Exception {
      long slowSeq;
      try (Connection slowAct = serviceRole()) {
        slowAct.setAutoCommit(false);
        try (Statement statement = slowAct.createStatement()) {
          var inserted =
              statement.executeQuery(
                  "INSERT INTO audit_event (occurred_at, actor, roles, action, subject_type,"
                      + " purpose, outcome) VALUES (now(), 'slow-act', 'ADMIN', 'CONSULTATION',"
                      + " 'PERPETRATOR', 'an act still in flight', 'ALLOWED') RETURNING seq");
          inserted.next();
          slowSeq = inserted.getLong(1);
        }
        // Another act commits while the slow one is still open: it does not wait for it.
        assertThat(postEvent(Envelopes.incident().json(), partnerToken(POLICE)).code())
            .isEqualTo(202);
        get("/api/v1/audit/verification", auditor());
        assertThat(countOf("SELECT count(*) FROM audit_event WHERE seq > ?", slowSeq)).isPositive();
        slowAct.commit();
      }

      JsonNode verification = json.readTree(body(get("/api/v1/audit/verification", auditor())));

      assertThat(verification.path("intact").asBoolean()).isTrue();
      assertThat(verification.path("rowsAwaitingSeal").asLong()).isZero();
      assertThat(
              countOf(
                  "SELECT count(*) FROM audit_event WHERE seq > ? AND chain_pos > (SELECT"
                      + " chain_pos FROM audit_event WHERE seq = ?)",
                  slowSeq,
                  slowSeq))
          .as("rows numbered after the slow act but committed before it come first in the chain")
          .isZero();
    }
  }
}
