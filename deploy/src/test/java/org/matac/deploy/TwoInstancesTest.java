package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.matac.deploy.LocalStack.Service;
import org.matac.deploy.bench.SyntheticFeed;
import org.matac.events.Topics;
import org.matac.infra.LocalKafka;

/**
 * Two instances of every service against one broker and the same databases, as a force scales out:
 * they split each topic's partitions, and a history sent through them loses nothing and does
 * nothing twice.
 */
@ExtendWith(RunningStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private LocalStack stack;
  private Admin kafka;

  @BeforeAll
  void startASecondInstanceOfEachService() throws Exception {
    stack = RunningStack.stack();
    kafka = Admin.create(stack.kafkaClient(LocalKafka.ADMIN));
    for (Service service : List.of(Service.TRACKING, Service.SCORING, Service.NOTIFICATION)) {
      stack.startSecondInstance(service);
    }
  }

  @AfterAll
  void stopTheSecondInstances() throws Exception {
    kafka.close();
    stack.stopSecondInstances();
  }

  @Test
  void share_the_partitions_and_take_a_history_without_losing_or_repeating_an_event()
      throws Exception {
    for (String[] group :
        List.of(
            new String[] {"tracking-intake", Topics.POLICE_INTAKE},
            new String[] {"scoring", Topics.PROFILE_CHANGED},
            new String[] {"notification", Topics.PROFILE_CHANGED})) {
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  assertThat(partitionsPerMember(group[0], group[1]))
                      .as("%s's members holding %s", group[0], group[1])
                      .containsExactly(6, 6));
    }

    // The journeys share this stack and count the people in their own areas: keep out of them.
    List<SyntheticFeed.Event> feed =
        new SyntheticFeed(42, Instant.now(), List.of("ISLE_OF_WIGHT")).events(1_000);
    List<String> eventIds = feed.stream().map(SyntheticFeed.Event::eventId).distinct().toList();
    produce(feed);

    try (Connection tracking = stack.database(Service.TRACKING);
        Connection scoring = stack.database(Service.SCORING);
        Connection notification = stack.database(Service.NOTIFICATION)) {
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  count(
                              tracking,
                              "SELECT count(*) FROM intake_event WHERE event_id::text = ANY(?)",
                              eventIds)
                          == eventIds.size()
                      && count(tracking, "SELECT count(*) FROM outbox_message", null) == 0
                      && count(scoring, "SELECT count(*) FROM outbox_message", null) == 0);
      Map<String, Long> trackingVersions =
          versions(
              tracking,
              "SELECT p.id::text, p.profile_version FROM perpetrator p WHERE p.merged_into IS NULL"
                  + " AND EXISTS (SELECT 1 FROM person_identifier i WHERE i.perpetrator_id = p.id"
                  + " AND i.source_person_id LIKE 'BENCH-%')",
              null);
      List<String> people = List.copyOf(trackingVersions.keySet());
      assertThat(people).isNotEmpty();
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  versions(
                              scoring,
                              "SELECT perpetrator_id::text, profile_version FROM perpetrator_facts"
                                  + " WHERE perpetrator_id::text = ANY(?)",
                              people)
                          .equals(trackingVersions)
                      && versions(
                              notification,
                              "SELECT perpetrator_id::text, profile_version FROM"
                                  + " perpetrator_summary WHERE perpetrator_id::text = ANY(?)",
                              people)
                          .equals(trackingVersions));

      long collections =
          count(
              tracking,
              "SELECT count(*) FROM audit_event WHERE action = 'COLLECTION'"
                  + " AND substring(purpose from '[0-9a-f-]{36}$') = ANY(?)",
              eventIds);
      assertThat(collections)
          .as("each event collected once, by one instance")
          .isEqualTo(eventIds.size());
    }
  }

  /** How many partitions of {@code topic} each member of {@code group} holds, largest first. */
  private List<Integer> partitionsPerMember(String group, String topic) throws Exception {
    ConsumerGroupDescription description =
        kafka.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
    List<Integer> counts = new ArrayList<>();
    for (MemberDescription member : description.members()) {
      long held =
          member.assignment().topicPartitions().stream()
              .map(TopicPartition::topic)
              .filter(topic::equals)
              .count();
      if (held > 0) {
        counts.add((int) held);
      }
    }
    counts.sort((a, b) -> b - a);
    return counts;
  }

  private void produce(List<SyntheticFeed.Event> feed) throws Exception {
    Properties properties = new Properties();
    properties.putAll(stack.kafkaClient("HAMPSHIRE_POLICE"));
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
      for (SyntheticFeed.Event event : feed) {
        producer.send(new ProducerRecord<>(Topics.POLICE_INTAKE, event.key(), event.json()));
      }
      producer.flush();
    }
  }

  private static long count(Connection connection, String sql, List<String> ids) throws Exception {
    try (PreparedStatement statement = withIds(connection, sql, ids);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static PreparedStatement withIds(Connection connection, String sql, List<String> ids)
      throws Exception {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (ids != null) {
      statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
    }
    return statement;
  }

  /** Profile versions by perpetrator id; {@code ids}, when given, fills the query's one ?. */
  private static Map<String, Long> versions(Connection connection, String sql, List<String> ids)
      throws Exception {
    Map<String, Long> versions = new HashMap<>();
    try (PreparedStatement statement = withIds(connection, sql, ids);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        versions.put(rows.getString(1), rows.getLong(2));
      }
    }
    return versions;
  }
}
