package org.matac.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.notification.NotificationServiceTestBase;
import org.matac.testing.Profiles;

/**
 * A poll's score changes taken as a set must leave exactly what taking them one at a time leaves:
 * the same flags, and the same notices for the workers of people whose flags were newly set.
 */
@MicronautTest(transactional = false)
class OnePollOfScoreChangesTest extends NotificationServiceTestBase {

  @Inject FollowingProfiles followingProfiles;
  @Inject FollowingScores followingScores;
  @Inject LinkingWorkers linkingWorkers;

  /** Twenty people on each path, a third of them with a worker linked through their victim. */
  private record Person(String alone, String together, boolean watched) {}

  @Test
  void leaves_the_same_flags_and_notices_as_one_message_at_a_time() throws Exception {
    Random random = new Random(5);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Person person =
          new Person(
              UUID.randomUUID().toString(), UUID.randomUUID().toString(), random.nextInt(3) == 0);
      known(person.alone(), person.watched());
      known(person.together(), person.watched());
      people.add(person);
    }
    List<ScoreChanged> alone = new ArrayList<>();
    List<ScoreChanged> together = new ArrayList<>();
    for (int step = 0; step < 3; step++) {
      for (Person person : people) {
        boolean serial = random.nextBoolean();
        boolean escalating = random.nextBoolean();
        alone.add(scoreChanged(person.alone(), serial, escalating));
        together.add(scoreChanged(person.together(), serial, escalating));
      }
    }
    alone.add(alone.get(3));
    together.add(together.get(3));

    alone.forEach(followingScores::onScoreChanged);
    followingScores.onScoresChanged(together);

    for (Person person : people) {
      assertThat(stored(person.together())).isEqualTo(stored(person.alone()));
    }
    assertThat(people.stream().filter(Person::watched).map(person -> stored(person.alone())))
        .as("a watched person's worker heard of a flag")
        .anyMatch(rows -> rows.stream().anyMatch(row -> row.startsWith("notice")));
  }

  /** The person's profile, naming a victim of their own, linked to a worker when watched. */
  private void known(String perpetratorId, boolean watched) {
    String victim = "V-" + perpetratorId;
    followingProfiles.onProfileChanged(
        Profiles.of(perpetratorId)
            .version(1)
            .changes()
            .incident(
                Profiles.anIncident("INC-" + perpetratorId)
                    .recordedAt(Instant.parse("2026-10-02T08:30:00Z"))
                    .against(victim))
            .message());
    if (watched) {
      linkingWorkers.onSafetyWorkerAssigned(
          new SafetyWorkerAssigned(
              UUID.randomUUID(),
              perpetratorId,
              UUID.randomUUID(),
              "HAMPSHIRE_POLICE",
              victim,
              "worker-" + perpetratorId,
              "SOUTHAMPTON_IDVA",
              Instant.parse("2026-10-01T10:00:00Z")));
    }
  }

  private static ScoreChanged scoreChanged(
      String perpetratorId, boolean serial, boolean escalating) {
    return new ScoreChanged(
        UUID.randomUUID(),
        perpetratorId,
        "rfgv-1",
        Instant.parse("2026-11-01T00:00:00Z"),
        3,
        2,
        BigDecimal.ONE,
        3,
        1,
        12,
        null,
        new ScoreChanged.Flags(serial, false, escalating),
        UUID.randomUUID());
  }

  /** The person's flags and notices, in a stable order. */
  private List<String> stored(String perpetratorId) {
    List<String> rows = new ArrayList<>();
    try (var connection = connectAs("default")) {
      for (String query :
          List.of(
              "SELECT 'flags ' || serial || ' ' || escalating FROM perpetrator_flags"
                  + " WHERE perpetrator_id = ?::uuid",
              "SELECT 'notice ' || kind FROM notification WHERE perpetrator_id = ?::uuid")) {
        try (var statement = connection.prepareStatement(query)) {
          statement.setString(1, perpetratorId);
          try (var result = statement.executeQuery()) {
            while (result.next()) {
              rows.add(result.getString(1));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    rows.sort(null);
    return rows;
  }
}
