package org.matac.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.matac.deploy.LocalStack;
import org.matac.deploy.LocalStack.Service;
import org.matac.deploy.StackSettings;
import org.matac.events.Topics;
import org.matac.events.access.Roles;
import org.matac.infra.LocalKafka;

/**
 * The system under faults: a synthetic history and a trickle of live incidents about people whose
 * victims have workers, through two instances of every service, while service instances are killed
 * with SIGKILL, the broker is restarted, PostgreSQL is stopped as in a crash, and a poison message
 * lands on every topic a service consumes. Then it checks from outside, in the databases: every
 * accepted event recorded once, every person's latest profile in scoring, every due notice once per
 * worker, only the poison dead-lettered, every audit chain intact. Seeded, bounded in time.
 */
public final class FaultSuite {

  /** What to send and which faults to inject. */
  public record Plan(
      long seed,
      int backfillEvents,
      int liveEventsPerSecond,
      int watchedPeople,
      int kills,
      int brokerRestarts,
      int databaseCrashes,
      Duration patience) {

    /** The issue's run: 50,000 events, 20 live per second, at least ten kills. */
    public static Plan full(long seed) {
      return new Plan(seed, 50_000, 20, 10, 12, 1, 1, Duration.ofMinutes(40));
    }

    /** A short run for the build: a few kills, one broker restart and one database crash. */
    public static Plan brief(long seed) {
      return new Plan(seed, 1_500, 5, 3, 3, 1, 1, Duration.ofMinutes(8));
    }
  }

  /** What the checks found. Lost, duplicated and unexpected letters must all be zero. */
  public record Report(
      int eventsSent,
      int liveIncidentsSent,
      long eventsLost,
      long eventsCollectedTwice,
      long peopleNotScoredAtTheirLatestVersion,
      long scoresRecordedTwice,
      long noticesMissing,
      long noticesTwice,
      long poisonSent,
      long poisonDeadLettered,
      long otherDeadLetters,
      int killsSurvived,
      int brokerRestarts,
      int databaseCrashes,
      boolean auditChainsIntact,
      Duration took) {

    public boolean nothingLostOrRepeated() {
      return eventsLost == 0
          && eventsCollectedTwice == 0
          && peopleNotScoredAtTheirLatestVersion == 0
          && scoresRecordedTwice == 0
          && noticesMissing == 0
          && noticesTwice == 0
          && poisonDeadLettered == poisonSent
          && otherDeadLetters == 0
          && auditChainsIntact;
    }

    public String lines() {
      return String.join(
          System.lineSeparator(),
          "RESULT events sent " + eventsSent + ", live incidents " + liveIncidentsSent,
          "RESULT lost " + eventsLost + ", collected twice " + eventsCollectedTwice,
          "RESULT people not scored at their latest version "
              + peopleNotScoredAtTheirLatestVersion
              + ", scores recorded twice "
              + scoresRecordedTwice,
          "RESULT notices missing " + noticesMissing + ", notices twice " + noticesTwice,
          "RESULT dead-lettered: poison "
              + poisonDeadLettered
              + " of "
              + poisonSent
              + " expected, anything else "
              + otherDeadLetters,
          "RESULT kills survived "
              + killsSurvived
              + ", broker restarts "
              + brokerRestarts
              + ", database crashes "
              + databaseCrashes,
          "RESULT audit chains intact " + auditChainsIntact + ", took " + took.toSeconds() + " s");
    }
  }

  /** Each topic a service consumes, with how many consumer groups read it. */
  private static final Map<String, Integer> CONSUMED =
      Map.of(
          Topics.POLICE_INTAKE, 1,
          Topics.PARTNER_INTAKE, 1,
          Topics.PROFILE_CHANGED, 2,
          Topics.SAFETY_WORKER_ASSIGNED, 1,
          Topics.SAFETY_WORKER_UNASSIGNED, 1,
          Topics.PERPETRATOR_DISPOSED, 2,
          Topics.SCORE_CHANGED, 1,
          Topics.TASKING_LIST_PUBLISHED, 1,
          Topics.FOUNDATION_LIST_PUBLISHED, 1,
          Topics.REFERRAL_STATUS_CHANGED, 1);

  private static final List<Service> KILLABLE =
      List.of(Service.TRACKING, Service.SCORING, Service.NOTIFICATION);

  private final LocalStack stack;
  private final Plan plan;
  private final Random random;
  private final String run;

  public FaultSuite(LocalStack stack, Plan plan) {
    this.stack = stack;
    this.plan = plan;
    this.random = new Random(plan.seed());
    this.run =
        "R" + Long.toHexString(plan.seed()) + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** Runs the plan against {@code stack}, which the suite leaves running with two instances. */
  public Report run() throws Exception {
    Instant started = Instant.now();
    for (Service service : KILLABLE) {
      stack.startSecondInstance(service);
    }
    try (KafkaProducer<String, String> producer = producer()) {
      List<Watched> watched = watchSomePeople(producer);
      List<SyntheticFeed.Event> history =
          new SyntheticFeed(plan.seed(), Instant.now(), List.of("ISLE_OF_WIGHT"))
              .events(plan.backfillEvents());
      // The feed repeats some envelopes as partners do: the same eventId is one event.
      List<String> eventIds =
          history.stream().map(SyntheticFeed.Event::eventId).distinct().toList();

      ConcurrentLinkedQueue<LiveIncident> live = new ConcurrentLinkedQueue<>();
      AtomicBoolean faultsDone = new AtomicBoolean();
      Thread backfill = new Thread(() -> sendAll(producer, history), "fault-suite-backfill");
      Thread liveSender =
          new Thread(() -> sendLive(producer, watched, live, faultsDone), "fault-suite-live");
      backfill.start();
      liveSender.start();
      Faults faults;
      try {
        sendPoison(producer);
        faults = injectFaults();
      } finally {
        faultsDone.set(true);
        backfill.join();
        liveSender.join();
      }
      producer.flush();

      List<String> allIds = new ArrayList<>(eventIds);
      live.forEach(incident -> allIds.add(incident.eventId()));
      awaitCaughtUp(allIds, live);
      return check(allIds, live, faults, Duration.between(started, Instant.now()));
    }
  }

  private record Watched(String person, String victim, String worker) {}

  private record LiveIncident(String eventId, String reference, String worker) {}

  private record Faults(int kills, int brokerRestarts, int databaseCrashes) {}

  /** People with an incident against a victim whose worker is assigned, once the links are in. */
  private List<Watched> watchSomePeople(KafkaProducer<String, String> producer) throws Exception {
    List<Watched> watched = new ArrayList<>();
    for (int i = 0; i < plan.watchedPeople(); i++) {
      Watched person =
          new Watched(
              "FAULT-" + run + "-P" + i, "FAULT-" + run + "-V" + i, "fault-worker-" + run + i);
      watched.add(person);
      producer
          .send(
              new ProducerRecord<>(
                  Topics.POLICE_INTAKE,
                  person.person(),
                  BenchEnvelopes.incident(
                      UUID.randomUUID().toString(),
                      person.person(),
                      "FAULT-" + run + "-FIRST-" + i,
                      person.victim())))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  Topics.PARTNER_INTAKE,
                  person.worker(),
                  BenchEnvelopes.assignment(
                      "FAULT-" + run + "-ASSIGN-" + i, person.victim(), person.worker())))
          .get();
    }
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (linkedWorkers(watched) < watched.size()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("The watched people's workers were never linked");
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    return watched;
  }

  private long linkedWorkers(List<Watched> watched) throws Exception {
    try (Connection notification = stack.database(Service.NOTIFICATION)) {
      return count(
          notification,
          "SELECT count(DISTINCT l.worker_id) FROM worker_victim_link l"
              + " JOIN perpetrator_victim v ON v.victim_source = l.victim_source"
              + " AND v.victim_ref = l.victim_ref WHERE l.worker_id = ANY(?)",
          watched.stream().map(Watched::worker).toList());
    }
  }

  private void sendAll(KafkaProducer<String, String> producer, List<SyntheticFeed.Event> history) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (SyntheticFeed.Event event : history) {
      sent.add(
          producer.send(new ProducerRecord<>(Topics.POLICE_INTAKE, event.key(), event.json())));
    }
    awaitAll(sent);
  }

  /** One incident about a watched person every so often, until the faults are over. */
  private void sendLive(
      KafkaProducer<String, String> producer,
      List<Watched> watched,
      ConcurrentLinkedQueue<LiveIncident> live,
      AtomicBoolean faultsDone) {
    Random choice = new Random(plan.seed() + 1);
    long gap = 1_000L / plan.liveEventsPerSecond();
    int index = 0;
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    while (!faultsDone.get()) {
      Watched person = watched.get(choice.nextInt(watched.size()));
      String eventId = UUID.randomUUID().toString();
      String reference = "FAULT-" + run + "-LIVE-" + index++;
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.POLICE_INTAKE,
                  person.person(),
                  BenchEnvelopes.incident(eventId, person.person(), reference, person.victim()))));
      live.add(new LiveIncident(eventId, reference, person.worker()));
      try {
        TimeUnit.MILLISECONDS.sleep(gap);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    awaitAll(sent);
  }

  private static void awaitAll(List<Future<RecordMetadata>> sent) {
    for (Future<RecordMetadata> future : sent) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while sending", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("The broker did not take an event", e);
      }
    }
  }

  private void sendPoison(KafkaProducer<String, String> producer) throws Exception {
    for (String topic : CONSUMED.keySet()) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, UUID.randomUUID().toString(), "POISON " + run + " on " + topic))
          .get();
    }
  }

  /** The faults, in a seeded order, each a few seconds after the last one was recovered from. */
  private Faults injectFaults() throws Exception {
    List<String> faults = new ArrayList<>();
    for (int i = 0; i < plan.kills(); i++) {
      faults.add("kill");
    }
    for (int i = 0; i < plan.brokerRestarts(); i++) {
      faults.add("broker");
    }
    for (int i = 0; i < plan.databaseCrashes(); i++) {
      faults.add("database");
    }
    Collections.shuffle(faults, random);
    int kills = 0;
    int brokers = 0;
    int databases = 0;
    for (String fault : faults) {
      TimeUnit.MILLISECONDS.sleep(2_000 + random.nextInt(4_000));
      switch (fault) {
        case "kill" -> {
          Service service = KILLABLE.get(random.nextInt(KILLABLE.size()));
          boolean second = random.nextBoolean();
          System.out.printf(
              "FAULT kill -9 %s (%s instance)%n", service, second ? "second" : "first");
          stack.killAndRestart(service, second);
          kills++;
        }
        case "broker" -> {
          System.out.println("FAULT broker restart");
          stack.restartBroker();
          brokers++;
        }
        default -> {
          System.out.println("FAULT PostgreSQL immediate shutdown and restart");
          stack.crashDatabase();
          databases++;
        }
      }
    }
    return new Faults(kills, brokers, databases);
  }

  /** Waits, up to the plan's patience, until everything sent has reached every service. */
  private void awaitCaughtUp(List<String> eventIds, ConcurrentLinkedQueue<LiveIncident> live)
      throws Exception {
    Instant deadline = Instant.now().plus(plan.patience());
    while (Instant.now().isBefore(deadline)) {
      try (Connection tracking = stack.database(Service.TRACKING);
          Connection scoring = stack.database(Service.SCORING);
          Connection notification = stack.database(Service.NOTIFICATION)) {
        if (eventsLost(tracking, eventIds) == 0
            && count(tracking, "SELECT count(*) FROM outbox_message", null) == 0
            && count(scoring, "SELECT count(*) FROM outbox_message", null) == 0
            && peopleBehind(tracking, scoring) == 0
            && noticesMissing(notification, live) == 0) {
          return;
        }
      } catch (SQLException databaseStillRecovering) {
        // Checked again shortly.
      }
      TimeUnit.SECONDS.sleep(2);
    }
  }

  private Report check(
      List<String> eventIds, ConcurrentLinkedQueue<LiveIncident> live, Faults faults, Duration took)
      throws Exception {
    try (Connection tracking = stack.database(Service.TRACKING);
        Connection scoring = stack.database(Service.SCORING);
        Connection notification = stack.database(Service.NOTIFICATION)) {
      long poisonSent = CONSUMED.values().stream().mapToLong(Integer::longValue).sum();
      long poison = 0;
      long others = 0;
      for (Connection database : List.of(tracking, scoring, notification)) {
        poison +=
            count(
                database,
                "SELECT count(*) FROM dead_letter WHERE convert_from(value, 'UTF8') LIKE ?",
                "POISON " + run + "%");
        others +=
            count(
                database,
                "SELECT count(*) FROM dead_letter WHERE value IS NULL"
                    + " OR convert_from(value, 'UTF8') NOT LIKE ?",
                "POISON " + run + "%");
      }
      return new Report(
          eventIds.size() - live.size(),
          live.size(),
          eventsLost(tracking, eventIds),
          count(
              tracking,
              "SELECT count(*) FROM (SELECT substring(purpose from '[0-9a-f-]{36}$')"
                  + " FROM audit_event WHERE action = 'COLLECTION'"
                  + " AND purpose LIKE 'partner intake:%' GROUP BY 1 HAVING count(*) > 1) twice",
              null),
          peopleBehind(tracking, scoring),
          count(
              scoring,
              "SELECT count(*) FROM (SELECT perpetrator_id, policy_id, as_of FROM score_history"
                  + " GROUP BY 1, 2, 3 HAVING count(*) > 1) twice",
              null),
          noticesMissing(notification, live),
          count(
              notification,
              "SELECT count(*) FROM (SELECT worker_id, fact_key FROM notification"
                  + " GROUP BY 1, 2 HAVING count(*) > 1) twice",
              null),
          poisonSent,
          poison,
          others,
          faults.kills(),
          faults.brokerRestarts(),
          faults.databaseCrashes(),
          auditChainsIntact(),
          took);
    }
  }

  /** Whether every service's audit chain verifies, as an auditor would ask it to. */
  private boolean auditChainsIntact() throws Exception {
    String auditor =
        stack
            .issuer()
            .mint(
                "fault-auditor",
                List.of(Roles.AUDITOR),
                "HAMPSHIRE_POLICE",
                List.of(),
                Duration.ofMinutes(10));
    HttpClient http = HttpClient.newHttpClient();
    for (Service service : KILLABLE) {
      HttpResponse<String> verification =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.url(service) + "/api/v1/audit/verification"))
                  .header("Authorization", "Bearer " + auditor)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (verification.statusCode() != 200
          || !verification.body().replace(" ", "").contains("\"intact\":true")) {
        System.out.println("RESULT audit chain of " + service + ": " + verification.body());
        return false;
      }
    }
    return true;
  }

  private static long eventsLost(Connection tracking, List<String> eventIds) throws Exception {
    return eventIds.size()
        - count(
            tracking, "SELECT count(*) FROM intake_event WHERE event_id::text = ANY(?)", eventIds);
  }

  /** People whose latest profile version has not reached scoring. */
  private static long peopleBehind(Connection tracking, Connection scoring) throws Exception {
    Map<String, Long> latest = new HashMap<>();
    try (PreparedStatement statement =
            tracking.prepareStatement(
                "SELECT id::text, profile_version FROM perpetrator WHERE merged_into IS NULL");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        latest.put(rows.getString(1), rows.getLong(2));
      }
    }
    try (PreparedStatement statement =
            scoring.prepareStatement(
                "SELECT perpetrator_id::text, profile_version FROM perpetrator_facts");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Long expected = latest.get(rows.getString(1));
        if (expected != null && expected == rows.getLong(2)) {
          latest.remove(rows.getString(1));
        }
      }
    }
    return latest.size();
  }

  /** Live incidents whose notice to the person's worker is not there. */
  private static long noticesMissing(
      Connection notification, ConcurrentLinkedQueue<LiveIncident> live) throws Exception {
    List<String> expected = new ArrayList<>();
    live.forEach(
        incident ->
            expected.add(incident.worker() + "|INCIDENT:HAMPSHIRE_POLICE:" + incident.reference()));
    return expected.size()
        - count(
            notification,
            "SELECT count(*) FROM notification WHERE worker_id || '|' || fact_key = ANY(?)",
            expected);
  }

  private static long count(Connection connection, String sql, Object parameter) throws Exception {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter instanceof List<?> values) {
        Array array = connection.createArrayOf("text", values.toArray());
        statement.setArray(1, array);
      } else if (parameter != null) {
        statement.setObject(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private KafkaProducer<String, String> producer() {
    Properties properties = new Properties();
    // The broker's admin: besides the feeds it plants poison on internal topics, which no partner
    // and no other service may write.
    properties.putAll(stack.kafkaClient(LocalKafka.ADMIN));
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    // A broker restart takes seconds; a send waits it out rather than failing.
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
    return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
  }

  /** deploy/benchmarks/bench-faults.sh [events] [seed]: the issue's run, on its own stack. */
  public static void main(String[] args) throws Exception {
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Plan plan = Plan.full(seed);
    if (args.length > 0) {
      plan =
          new Plan(
              seed,
              Integer.parseInt(args[0]),
              plan.liveEventsPerSecond(),
              plan.watchedPeople(),
              plan.kills(),
              plan.brokerRestarts(),
              plan.databaseCrashes(),
              plan.patience());
    }
    Path data = Files.createTempDirectory("matac-faults-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      Report report = new FaultSuite(stack, plan).run();
      System.out.println(report.lines());
      System.out.println(
          report.nothingLostOrRepeated()
              ? "RESULT nothing lost, nothing repeated, only the poison dead-lettered"
              : "RESULT FAILED: see the counts above");
    }
  }
}
