package org.matac.testing;

import java.util.UUID;

/**
 * An Object Mother for partner envelopes with obviously synthetic people. Each builder call gives
 * fresh ids; {@code with...} methods change one thing so a test shows what matters to it.
 */
public final class Envelopes {

  private Envelopes() {}

  public static Incident incident() {
    return new Incident();
  }

  public static WorkerAssignment workerAssignment() {
    return new WorkerAssignment();
  }

  /** Any envelope type, with its payload given as JSON. */
  public static Record record(String type, String payloadJson) {
    return new Record(type, payloadJson);
  }

  /** An envelope of any type, from the local police force unless told otherwise. */
  public static final class Record {
    public String eventId = UUID.randomUUID().toString();
    public final String type;
    public final String payloadJson;
    public String source = "HAMPSHIRE_POLICE";
    public String sourceReference = "REC-" + UUID.randomUUID().toString().substring(0, 8);
    public String sourcePersonId = "NICHE-" + UUID.randomUUID().toString().substring(0, 8);
    public Integer recordVersion = null;
    public String occurredAt = "2026-10-03T09:00:00Z";
    public String recordedAt = "2026-10-03T09:05:00Z";
    public String area = null;

    private Record(String type, String payloadJson) {
      this.type = type;
      this.payloadJson = payloadJson;
    }

    public Record withSourceReference(String value) {
      sourceReference = value;
      return this;
    }

    public Record from(String agency) {
      source = agency;
      return this;
    }

    public Record inArea(String value) {
      area = value;
      return this;
    }

    public Record aboutPerson(String value) {
      sourcePersonId = value;
      return this;
    }

    public Record version(int value, String recordedAtValue) {
      recordVersion = value;
      recordedAt = recordedAtValue;
      return this;
    }

    public String json() {
      return """
          {"eventId":"%s","type":"%s","schemaVersion":1,"source":"%s","sourceReference":"%s",%s%s
           "occurredAt":"%s","recordedAt":"%s","perpetrator":{"sourcePersonId":"%s"},
           "payload":%s}
          """
          .formatted(
              eventId,
              type,
              source,
              sourceReference,
              recordVersion == null ? "" : "\"recordVersion\":" + recordVersion + ",",
              area == null ? "" : "\"area\":\"" + area + "\",",
              occurredAt,
              recordedAt,
              sourcePersonId,
              payloadJson);
    }
  }

  /** An INCIDENT_REPORTED envelope from the local police force. */
  public static final class Incident {
    public String eventId = UUID.randomUUID().toString();
    public String source = "HAMPSHIRE_POLICE";
    public String sourceReference = "44/" + UUID.randomUUID().toString().substring(0, 8) + "/26";
    public String incidentRef = null;
    public String sourcePersonId = "NICHE-" + UUID.randomUUID().toString().substring(0, 8);
    public String pncId = null;
    public String occurredAt = "2026-10-01T21:14:00Z";
    public String recordedAt = "2026-10-02T08:30:00Z";
    public String area = "SOUTHAMPTON";
    public String victimRef = "V-" + UUID.randomUUID().toString().substring(0, 8);
    public String offenceCategory = "COMMON_ASSAULT";
    public String victimAddress = "1 Nowhere Lane, Fakeville";
    public Integer recordVersion = null;
    public String dateOfBirth = "1994-02-03";
    public String givenName = "Testy";
    public String familyName = "Fakeperson";

    public Incident version(int value, String recordedAtValue) {
      recordVersion = value;
      recordedAt = recordedAtValue;
      return this;
    }

    public Incident withEventId(String value) {
      eventId = value;
      return this;
    }

    public Incident withSource(String value) {
      source = value;
      return this;
    }

    public Incident withSourceReference(String value) {
      sourceReference = value;
      return this;
    }

    public Incident withPerson(String value) {
      sourcePersonId = value;
      return this;
    }

    public Incident withPnc(String value) {
      pncId = value;
      return this;
    }

    public Incident withVictim(String value) {
      victimRef = value;
      return this;
    }

    public Incident withArea(String value) {
      area = value;
      return this;
    }

    public Incident withOffence(String value) {
      offenceCategory = value;
      return this;
    }

    public Incident withVictimAddress(String value) {
      victimAddress = value;
      return this;
    }

    public Incident recordedAt(String value) {
      recordedAt = value;
      return this;
    }

    public Incident occurredAt(String value) {
      occurredAt = value;
      return this;
    }

    public Incident named(String given, String family) {
      givenName = given;
      familyName = family;
      return this;
    }

    public Incident bornOn(String value) {
      dateOfBirth = value;
      return this;
    }

    public String json() {
      return """
          {"eventId":"%s","type":"INCIDENT_REPORTED","schemaVersion":1,"source":"%s",
           "sourceReference":"%s",%s"occurredAt":"%s","recordedAt":"%s","area":"%s",
           "perpetrator":{"sourcePersonId":"%s"%s,"givenName":"%s","familyName":"%s",
             "dateOfBirth":"%s"},
           "payload":{"incidentRef":"%s","crimed":true,
             "offences":[{"category":"%s"}],
             "victims":[{"victimRef":"%s","relationship":"INTIMATE_PARTNER",
               "contact":{"address":"%s","phone":"00000 000000"}}],
             "childrenPresent":true,"dashRisk":"MEDIUM"}}
          """
          .formatted(
              eventId,
              source,
              sourceReference,
              recordVersion == null ? "" : "\"recordVersion\":" + recordVersion + ",",
              occurredAt,
              recordedAt,
              area,
              sourcePersonId,
              pncId == null ? "" : ",\"pncId\":\"" + pncId + "\"",
              givenName,
              familyName,
              dateOfBirth,
              incidentRef == null ? sourceReference : incidentRef,
              offenceCategory,
              victimRef,
              victimAddress);
    }
  }

  /** A SAFETY_WORKER_ASSIGNED envelope from an IDVA service about a police-recorded victim. */
  public static final class WorkerAssignment {
    public String eventId = UUID.randomUUID().toString();
    public String source = "SOUTHAMPTON_IDVA";
    public String sourceReference = "IDVA-" + UUID.randomUUID().toString().substring(0, 8);
    public String sourcePersonId = "IDVA-PERSON-" + UUID.randomUUID().toString().substring(0, 8);
    public String victimRef = "V-unset";
    public String victimSource = "HAMPSHIRE_POLICE";
    public String workerId = "idva-worker-" + UUID.randomUUID().toString().substring(0, 8);

    /** The worker's agency as the envelope names it; the sender's own unless set. */
    public String workerAgency;

    public WorkerAssignment forVictim(String value) {
      victimRef = value;
      return this;
    }

    public WorkerAssignment forWorker(String value) {
      workerId = value;
      return this;
    }

    public WorkerAssignment aboutPerson(String value) {
      sourcePersonId = value;
      return this;
    }

    public WorkerAssignment sentBy(String agency) {
      source = agency;
      return this;
    }

    public WorkerAssignment ofAWorkerOf(String agency) {
      workerAgency = agency;
      return this;
    }

    /** The SAFETY_WORKER_UNASSIGNED that ends this assignment, from the same sender. */
    public String unassignmentJson() {
      return """
          {"eventId":"%s","type":"SAFETY_WORKER_UNASSIGNED","schemaVersion":1,"source":"%s",
           "sourceReference":"%s","occurredAt":"2026-10-02T10:00:00Z",
           "recordedAt":"2026-10-02T10:05:00Z","perpetrator":{"sourcePersonId":"%s"},
           "payload":{"victimRef":"%s","victimSource":"%s","workerId":"%s"}}
          """
          .formatted(
              UUID.randomUUID(),
              source,
              sourceReference,
              sourcePersonId,
              victimRef,
              victimSource,
              workerId);
    }

    public String json() {
      return """
          {"eventId":"%s","type":"SAFETY_WORKER_ASSIGNED","schemaVersion":1,"source":"%s",
           "sourceReference":"%s","occurredAt":"2026-10-01T10:00:00Z",
           "recordedAt":"2026-10-01T10:05:00Z","perpetrator":{"sourcePersonId":"%s"},
           "payload":{"victimRef":"%s","victimSource":"%s","workerId":"%s",
             "workerAgency":"%s","workerEmail":"%s@example.invalid"}}
          """
          .formatted(
              eventId,
              source,
              sourceReference,
              sourcePersonId,
              victimRef,
              victimSource,
              workerId,
              workerAgency == null ? source : workerAgency,
              workerId);
    }
  }
}
