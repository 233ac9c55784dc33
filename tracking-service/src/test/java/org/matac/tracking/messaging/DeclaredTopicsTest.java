package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.TestInfrastructure;
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

  @Test
  void every_topic_takes_a_profile_message_larger_than_kafkas_default_megabyte() throws Exception {
    try (Admin admin = Admin.create(infrastructure.kafkaClient(TestInfrastructure.KAFKA_ADMIN))) {
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  Topics.ALL.stream()
                      .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                      .toList())
              .all()
              .get(30, TimeUnit.SECONDS);

      assertThat(configs.values())
          .allSatisfy(
              config ->
                  assertThat(Integer.parseInt(config.get("max.message.bytes").value()))
                      .isEqualTo(8 * 1024 * 1024));
    }
  }

  @Test
  void topics_holding_envelopes_as_received_keep_them_a_week_and_no_longer() throws Exception {
    List<String> asReceived =
        List.of(
            Topics.POLICE_INTAKE,
            Topics.PARTNER_INTAKE,
            Topics.INTAKE_DEAD_LETTER,
            Topics.TRACKING_DEAD_LETTER,
            Topics.SCORING_DEAD_LETTER,
            Topics.NOTIFICATION_DEAD_LETTER);
    try (Admin admin = Admin.create(infrastructure.kafkaClient(TestInfrastructure.KAFKA_ADMIN))) {
      Map<ConfigResource, Config> configs =
          admin
              .describeConfigs(
                  asReceived.stream()
                      .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                      .toList())
              .all()
              .get(30, TimeUnit.SECONDS);

      assertThat(configs.values())
          .hasSize(asReceived.size())
          .allSatisfy(
              config ->
                  assertThat(config.get("retention.ms").value())
                      .isEqualTo(Long.toString(Duration.ofDays(7).toMillis())));
    }
  }
}
