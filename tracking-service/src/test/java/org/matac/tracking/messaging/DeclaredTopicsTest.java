package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * The test broker, like a force's, creates no topic on first use: every topic exists because the
 * service declared it at start.
 */
@MicronautTest(transactional = false)
class DeclaredTopicsTest extends TrackingServiceTestBase {

  @Test
  void every_topic_of_the_contract_exists_with_twelve_partitions_by_default() throws Exception {
    try (Admin admin = Admin.create(infrastructure.kafkaClient("tracking"))) {
      Map<String, TopicDescription> described =
          admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);

      assertThat(described).containsOnlyKeys(Topics.ALL);
      assertThat(described.values())
          .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(12));
    }
  }
}
