package org.matac.scoring.application.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.matac.scoring.ScoringServiceTestBase;

/**
 * Every instance of scoring fires the nightly schedule; the database decides which one rescores.
 */
@MicronautTest(transactional = false)
class TonightsRescoreTest extends ScoringServiceTestBase {

  @Inject Rescoring rescoring;

  @Test
  void runs_once_however_many_times_the_schedule_fires_the_same_night() throws Exception {
    boolean first = rescoring.startTonightsRescore();
    await().atMost(Duration.ofSeconds(60)).until(() -> !rescoring.isRunning());

    boolean again = rescoring.startTonightsRescore();

    assertThat(first).isTrue();
    assertThat(again).as("a second firing, here or on another instance").isFalse();
    assertThat(countOf("SELECT count(*) FROM scheduled_run WHERE job = 'nightly-rescore'"))
        .isEqualTo(1);
  }
}
