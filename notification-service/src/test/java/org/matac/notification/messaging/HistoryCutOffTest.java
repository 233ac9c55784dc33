package org.matac.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.notification.NotificationServiceTestBase;

/**
 * A partnership that loaded its history, which ends on 3 October: what happened before is recorded
 * and linked but tells nobody; what happened after is news however late it arrives.
 */
@MicronautTest(transactional = false)
class HistoryCutOffTest extends NotificationServiceTestBase {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("matac.notification.history-ends-at", "2026-10-03T00:00:00Z");
    return properties;
  }

  @Nested
  class AWorkersPerpetrator {

    @Test
    void is_not_announced_for_an_incident_from_the_history_but_is_for_a_later_release()
        throws Exception {
      LinkedWorker worker =
          new LinkedWorker(topics, json, id -> items("/api/v1/caseload", id).size());
      worker.assignWorker();

      // The incident happened on 1 October, before the history ends; the release on 6 October.
      topics.send(Topics.PROFILE_CHANGED, worker.perpetratorId, worker.incident("44/H1/26"));
      topics.send(
          Topics.PROFILE_CHANGED, worker.perpetratorId, worker.released("44/H1/26", "CUS-H1"));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> items("/api/v1/inbox", worker.workerId).size() >= 1);
      assertThat(items("/api/v1/inbox", worker.workerId).findValuesAsText("kind"))
          .containsExactly("RELEASED_OR_BAILED");
    }
  }
}
