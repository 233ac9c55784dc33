package org.matac.scoring;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.matac.events.Topics;
import org.matac.testing.ServiceTestBase;

/** Runs scoring-service against the shared real PostgreSQL and Kafka. */
public abstract class ScoringServiceTestBase extends ServiceTestBase {

  @Override
  protected String databaseName() {
    return "scoring";
  }

  /** Sends a person's profile change on the topic tracking publishes it to. */
  protected void publishProfileChange(String perpetratorId, String profileChangedJson) {
    topics.send(Topics.PROFILE_CHANGED, perpetratorId, profileChangedJson);
  }

  /** Waits until scoring holds a score for the person, as an analyst reads it. */
  protected void awaitScoreOf(String perpetratorId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/scores/" + perpetratorId, analystToken()).code() == 200);
  }
}
