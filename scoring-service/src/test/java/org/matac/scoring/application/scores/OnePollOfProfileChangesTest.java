package org.matac.scoring.application.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.ScoringServiceTestBase;
import org.matac.testing.Profiles;

/**
 * A poll's profile changes taken as a set must leave exactly what taking them one at a time leaves:
 * the same facts and the same scores, for the same messages.
 */
@MicronautTest(transactional = false)
class OnePollOfProfileChangesTest extends ScoringServiceTestBase {

  private static final List<String> OFFENCES =
      List.of(
          "COMMON_ASSAULT",
          "CONTROLLING_COERCIVE_BEHAVIOUR",
          "CRIMINAL_DAMAGE",
          "ABH",
          "GBH",
          "HARASSMENT",
          "STALKING");
  private static final List<String> AREAS = List.of("SOUTHAMPTON", "PORTSMOUTH", "WINCHESTER");

  @Inject ScoringProfiles scoring;
  @Inject ObjectMapper json;

  @Test
  void leaves_the_same_facts_and_scores_as_one_message_at_a_time() throws Exception {
    List<ProfileChanged> poll = poll(new Random(7), 40);
    Map<String, String> oneByOne = new HashMap<>();
    Map<String, String> together = new HashMap<>();

    for (ProfileChanged message : poll) {
      scoring.onProfileChanged(renamed(message, oneByOne));
    }
    scoring.onProfilesChanged(poll.stream().map(message -> renamed(message, together)).toList());

    assertThat(oneByOne).hasSize(40);
    for (Map.Entry<String, String> person : oneByOne.entrySet()) {
      String alone = person.getValue();
      String inThePoll = together.get(person.getKey());
      assertThat(stored(inThePoll)).as(person.getKey()).isEqualTo(stored(alone)).isNotEmpty();
    }
  }

  /**
   * Forty people's messages as a poll holds them: each person's profile in two or three versions
   * (each adding an incident), some delivered twice, some versions arriving after a newer one.
   */
  private List<ProfileChanged> poll(Random random, int people) throws Exception {
    Instant now = Instant.now();
    List<ProfileChanged> poll = new ArrayList<>();
    for (int person = 0; person < people; person++) {
      String id = "person-" + person;
      Profiles profile = Profiles.of(id);
      int versions = 2 + random.nextInt(2);
      List<ProfileChanged> own = new ArrayList<>();
      for (int version = 1; version <= versions; version++) {
        Instant at = now.minus(Duration.ofDays(1 + random.nextInt(700)));
        profile.incident(
            "REF-" + person + "-" + version,
            at,
            AREAS.get(random.nextInt(AREAS.size())),
            List.of(OFFENCES.get(random.nextInt(OFFENCES.size()))),
            "V-" + random.nextInt(3));
        ProfileChanged message = json.readValue(profile.json(json), ProfileChanged.class);
        own.add(withVersion(message, version));
      }
      if (random.nextInt(4) == 0) {
        own.add(own.get(0)); // delivered again
      }
      if (random.nextInt(4) == 0) {
        own.add(own.size() - 2, own.remove(own.size() - 1)); // the newest before an older one
      }
      poll.addAll(own);
    }
    return poll;
  }

  private static ProfileChanged withVersion(ProfileChanged message, long version) {
    return new ProfileChanged(
        message.messageId(),
        message.perpetratorId(),
        version,
        message.changedAt(),
        message.causedByEventId(),
        message.changes(),
        message.profile());
  }

  /** The message about a fresh id standing for its person, and a fresh message id, per path. */
  private static ProfileChanged renamed(ProfileChanged message, Map<String, String> ids) {
    String id =
        ids.computeIfAbsent(message.perpetratorId(), person -> UUID.randomUUID().toString());
    UUID messageId = UUID.nameUUIDFromBytes((id + message.messageId()).getBytes());
    return new ProfileChanged(
        messageId,
        id,
        message.profileVersion(),
        message.changedAt(),
        message.causedByEventId(),
        message.changes(),
        message.profile());
  }

  /** What scoring holds for a person: the facts' version and its stored assessment. */
  private List<String> stored(String perpetratorId) throws Exception {
    List<String> rows = new ArrayList<>();
    try (var connection = connectAs("default");
        var statement =
            connection.prepareStatement(
                "SELECT f.profile_version, f.areas::text, s.policy_id, s.recency, s.frequency,"
                    + " s.harm, s.gravity, s.victims, s.total, s.serial, s.repeat, s.escalating,"
                    + " s.area, s.latest_occurred_at FROM perpetrator_facts f"
                    + " JOIN score s USING (perpetrator_id) WHERE perpetrator_id = ?::uuid")) {
      statement.setString(1, perpetratorId);
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
            row.append(result.getString(column)).append('|');
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
