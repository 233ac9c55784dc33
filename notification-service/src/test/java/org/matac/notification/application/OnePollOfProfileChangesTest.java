package org.matac.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.notification.NotificationServiceTestBase;
import org.matac.testing.Profiles;

/**
 * A poll's profile changes taken as a set must leave exactly what taking them one at a time leaves:
 * the same names, victims and protective orders, and the same notices for linked workers.
 */
@MicronautTest(transactional = false)
class OnePollOfProfileChangesTest extends NotificationServiceTestBase {

  /** The victim a worker is linked to before the poll; some people's incidents name it. */
  private static final String WATCHED_VICTIM = "V-WATCHED";

  @Inject FollowingProfiles followingProfiles;
  @Inject LinkingWorkers linkingWorkers;

  @Test
  void leaves_the_same_links_names_orders_and_notices_as_one_message_at_a_time() throws Exception {
    List<ProfileChanged> poll = poll(new Random(11), 30);
    Map<String, String> oneByOne = new HashMap<>();
    Map<String, String> together = new HashMap<>();
    linkAWorkerTo(WATCHED_VICTIM + "-alone", "worker-alone");
    linkAWorkerTo(WATCHED_VICTIM + "-together", "worker-together");

    for (ProfileChanged message : poll) {
      followingProfiles.onProfileChanged(renamed(message, oneByOne, "alone"));
    }
    followingProfiles.onProfilesChanged(
        poll.stream().map(message -> renamed(message, together, "together")).toList());

    assertThat(oneByOne).hasSize(30);
    int watched = 0;
    for (Map.Entry<String, String> person : oneByOne.entrySet()) {
      List<String> alone = stored(person.getValue(), "alone");
      List<String> inThePoll = stored(together.get(person.getKey()), "together");
      assertThat(inThePoll).as(person.getKey()).isEqualTo(alone);
      watched += alone.stream().anyMatch(row -> row.startsWith("notice")) ? 1 : 0;
    }
    assertThat(watched).as("people whose worker heard something").isPositive();
  }

  private void linkAWorkerTo(String victimRef, String workerId) {
    linkingWorkers.onSafetyWorkerAssigned(
        new SafetyWorkerAssigned(
            UUID.randomUUID(),
            UUID.randomUUID().toString(),
            UUID.randomUUID(),
            "HAMPSHIRE_POLICE",
            victimRef,
            workerId + "-" + UUID.randomUUID(),
            "SOUTHAMPTON_IDVA",
            Instant.parse("2026-10-01T10:00:00Z")));
  }

  /**
   * Thirty people's messages as a poll holds them: each person's profile in two to four versions,
   * incidents added and sometimes withdrawn, a name corrected, an order issued; some messages
   * delivered twice, some versions arriving after a newer one.
   */
  private static List<ProfileChanged> poll(Random random, int people) {
    Instant now = Instant.now();
    List<ProfileChanged> poll = new ArrayList<>();
    for (int person = 0; person < people; person++) {
      String id = "person-" + person;
      List<ProfileChanged.Incident> incidents = new ArrayList<>();
      List<ProfileChanged.PartnerRecord> records = new ArrayList<>();
      List<ProfileChanged> own = new ArrayList<>();
      int versions = 2 + random.nextInt(3);
      for (int version = 1; version <= versions; version++) {
        String reference = "REF-" + person + "-" + version;
        if (version > 2 && random.nextBoolean()) {
          incidents.remove(0); // withdrawn: its victims go with it
        }
        String victim = random.nextInt(5) == 0 ? WATCHED_VICTIM : "V-" + random.nextInt(3);
        Instant at = now.minus(Duration.ofDays(1 + random.nextInt(400)));
        incidents.add(Profiles.anIncident(reference).at(at).against(victim).build());
        if (random.nextInt(3) == 0) {
          records.add(
              new ProfileChanged.PartnerRecord(
                  "PROTECTIVE_ORDER_ISSUED",
                  "HAMPSHIRE_POLICE",
                  "DVPO-" + person + "-" + version,
                  at,
                  at,
                  "SOUTHAMPTON",
                  Map.of(
                      "orderType",
                      "DVPO",
                      "validUntil",
                      now.plus(Duration.ofDays(20)).toString())));
        }
        Profiles message =
            Profiles.of(id)
                .version(version)
                .changedAt(now)
                .named("Testy", version == versions ? "Fakeperson-Corrected" : "Fakeperson");
        incidents.forEach(message::incident);
        records.forEach(message::record);
        own.add(message.message());
      }
      if (random.nextInt(4) == 0) {
        own.add(own.get(0)); // delivered again
      }
      if (random.nextInt(3) == 0) {
        own.add(own.size() - 2, own.remove(own.size() - 1)); // the newest before an older one
      }
      poll.addAll(own);
    }
    return poll;
  }

  /**
   * The message about a fresh id standing for its person, per path, with the path's own message id,
   * victims and references, so that the two paths share no row and no fact a worker could hear of.
   */
  private static ProfileChanged renamed(
      ProfileChanged message, Map<String, String> ids, String path) {
    String id =
        ids.computeIfAbsent(message.perpetratorId(), person -> UUID.randomUUID().toString());
    ProfileChanged.Profile profile = message.profile();
    List<ProfileChanged.Incident> incidents =
        profile.incidents().stream()
            .map(
                incident ->
                    new ProfileChanged.Incident(
                        incident.source(),
                        incident.incidentRef(),
                        incident.sourceReference() + "-" + path,
                        incident.occurredAt(),
                        incident.recordedAt(),
                        incident.area(),
                        incident.crimed(),
                        incident.offenceCategories(),
                        incident.victims().stream()
                            .map(
                                victim ->
                                    new ProfileChanged.VictimLink(
                                        victim.victimSource(),
                                        victim.victimRef() + "-" + path,
                                        victim.relationship()))
                            .toList(),
                        incident.childrenPresent(),
                        incident.dashRisk()))
            .toList();
    return new ProfileChanged(
        UUID.nameUUIDFromBytes((id + message.messageId()).getBytes()),
        id,
        message.profileVersion(),
        message.changedAt(),
        message.causedByEventId(),
        message.changes().stream()
            .map(
                change ->
                    new ProfileChanged.Change(
                        change.kind(), change.source(), change.reference() + "-" + path))
            .toList(),
        new ProfileChanged.Profile(
            profile.identities(),
            profile.pncIds(),
            profile.givenName(),
            profile.familyName(),
            profile.dateOfBirth(),
            incidents,
            profile.records().stream()
                .map(
                    record ->
                        new ProfileChanged.PartnerRecord(
                            record.type(),
                            record.source(),
                            record.sourceReference() + "-" + path,
                            record.occurredAt(),
                            record.recordedAt(),
                            record.area(),
                            record.details()))
                .toList()));
  }

  /** What notification holds for a person, with the path's marks taken out, in a stable order. */
  private List<String> stored(String perpetratorId, String path) throws Exception {
    TreeSet<String> rows = new TreeSet<>();
    try (var connection = connectAs("default")) {
      for (String query :
          List.of(
              "SELECT 'summary ' || given_name || ' ' || family_name || ' ' || profile_version"
                  + " FROM perpetrator_summary WHERE perpetrator_id = ?::uuid",
              "SELECT 'victim ' || victim_ref FROM perpetrator_victim"
                  + " WHERE perpetrator_id = ?::uuid",
              "SELECT 'order ' || source_reference || ' ' || order_type FROM protective_order"
                  + " WHERE perpetrator_id = ?::uuid",
              "SELECT 'notice ' || kind || ' ' || title FROM notification"
                  + " WHERE perpetrator_id = ?::uuid")) {
        try (var statement = connection.prepareStatement(query)) {
          statement.setString(1, perpetratorId);
          try (var result = statement.executeQuery()) {
            while (result.next()) {
              rows.add(result.getString(1).replace("-" + path, ""));
            }
          }
        }
      }
    }
    return List.copyOf(rows);
  }
}
