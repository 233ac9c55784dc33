package org.matac.notification.messaging;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.matac.events.Topics;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.testing.Profiles;
import org.matac.testing.TopicProbe;

/** A linked worker, a perpetrator and a victim, each fresh so tests never see each other. */
public final class LinkedWorker {
  private final TopicProbe topics;
  private final ObjectMapper json;
  private final Function<String, Integer> caseloadSize;
  final String perpetratorId = UUID.randomUUID().toString();
  final String workerId = "idva-" + UUID.randomUUID();
  final String victimRef = "VICTIM-MARKER-" + UUID.randomUUID();
  long version;
  String email;

  LinkedWorker(TopicProbe topics, ObjectMapper json, Function<String, Integer> caseloadSize) {
    this.topics = topics;
    this.json = json;
    this.caseloadSize = caseloadSize;
  }

  String agency = "SOUTHAMPTON_IDVA";

  LinkedWorker withAgency(String value) {
    agency = value;
    return this;
  }

  LinkedWorker withEmail(String address) {
    email = address;
    return this;
  }

  /** The request by which an admin of the worker's agency puts their address in its directory. */
  HttpRequest<?> directoryEntry(String adminToken) {
    return HttpRequest.PUT("/api/v1/worker-directory/" + workerId, Map.of("email", email))
        .bearerAuth(adminToken);
  }

  void assignWorker() throws Exception {
    topics.send(
        Topics.SAFETY_WORKER_ASSIGNED,
        perpetratorId,
        json.writeValueAsString(
            new SafetyWorkerAssigned(
                UUID.randomUUID(),
                perpetratorId,
                UUID.randomUUID(),
                "HAMPSHIRE_POLICE",
                victimRef,
                workerId,
                agency,
                Instant.parse("2026-10-01T10:00:00Z"))));
    // The link travels on its own topic: wait until it shows in the worker's caseload.
    await().atMost(Duration.ofSeconds(30)).until(() -> caseloadSize.apply(workerId) == 1);
  }

  void unassignWorker() throws Exception {
    topics.send(
        Topics.SAFETY_WORKER_UNASSIGNED,
        perpetratorId,
        json.writeValueAsString(
            new SafetyWorkerUnassigned(
                UUID.randomUUID(),
                perpetratorId,
                UUID.randomUUID(),
                "HAMPSHIRE_POLICE",
                victimRef,
                workerId,
                Instant.parse("2026-10-05T10:00:00Z"))));
    await().atMost(Duration.ofSeconds(30)).until(() -> caseloadSize.apply(workerId) == 0);
  }

  /**
   * The perpetrator's profile with one incident and one other record just added, as tracking sends
   * it.
   */
  String withRecord(
      String incidentReference, String type, String reference, Map<String, Object> details)
      throws Exception {
    return profile(incidentReference)
        .record(
            type,
            reference,
            Instant.parse("2026-10-06T09:00:00Z"),
            Instant.parse("2026-10-06T09:05:00Z"),
            "SOUTHAMPTON",
            details)
        .changes(
            new ProfileChanged.Change(
                ProfileChanged.ChangeKind.RECORD_ADDED, "HAMPSHIRE_POLICE", reference, type))
        .json(json);
  }

  /** The perpetrator's profile with one incident and one custody record, as tracking sends it. */
  String released(String incidentReference, String custodyReference) throws Exception {
    return withRecord(
        incidentReference,
        "CUSTODY_STATUS_CHANGED",
        custodyReference,
        Map.of("status", "RELEASED", "conditions", "VICTIM-MARKER-IN-CONDITIONS"));
  }

  String incident(String reference) throws Exception {
    return profile(reference).json(json);
  }

  /** The next version of the perpetrator's profile: one incident against the worker's victim. */
  private Profiles profile(String incidentReference) {
    return Profiles.of(perpetratorId)
        .version(++version)
        .incident(
            Profiles.anIncident(incidentReference)
                .recordedAt(Instant.parse("2026-10-02T08:30:00Z"))
                .against(victimRef)
                .childrenPresent()
                .dashRisk("MEDIUM"));
  }
}
