package org.matac.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.matac.deploy.LocalStack;
import org.matac.deploy.StackSettings;
import org.matac.events.access.Roles;

/**
 * Latency from intake accepting an event to the score change and to the worker's inbox entry, at a
 * steady rate, on the whole local stack on this machine. Every event is an incident against one
 * victim whose worker is linked, so every event must reach the inbox. Traffic goes to loopback
 * only, and the run is bounded in count and time.
 *
 * <p>Usage: {@code deploy/benchmarks/bench-latency.sh [events-per-second] [seconds]
 * [warm-up-seconds]} (defaults 50, 60 and 30). Warm-up events go through the same pipeline first,
 * at the same rate, and are left out of the figures: freshly started JVMs compile under load for
 * their first tens of seconds on this 2-core machine, and the backlog that builds then is not
 * steady operation.
 */
public final class LatencyBenchmark {

  private LatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    int total = rate * (warmUp + seconds);
    int measuredFrom = rate * warmUp;
    Path data = Files.createTempDirectory("matac-bench-latency-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
      String police = token(stack, "bench-police", Roles.PARTNER_SYSTEM, "HAMPSHIRE_POLICE");
      String idva = token(stack, "bench-idva", Roles.PARTNER_SYSTEM, "SOUTHAMPTON_IDVA");
      String victim = "V-BENCH-" + UUID.randomUUID();
      String worker = "idva-bench-worker";
      check(
          send(http, stack, idva, BenchEnvelopes.assignment("BENCH-ASSIGN", victim, worker))
              .join());
      awaitCaseload(http, stack, worker);

      System.out.printf(
          "Sending %d incidents at %d/s: %d s of warm-up, then %d s measured%n",
          total, rate, warmUp, seconds);
      ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
      List<CompletableFuture<HttpResponse<String>>> sends =
          Collections.synchronizedList(new ArrayList<>());
      AtomicInteger sent = new AtomicInteger();
      long periodMicros = 1_000_000L / rate;
      Instant started = Instant.now();
      clock.scheduleAtFixedRate(
          () -> {
            int index = sent.get();
            if (index < total) {
              sent.incrementAndGet();
              sends.add(
                  send(http, stack, police, incident(victim, index < measuredFrom ? "W" : "M")));
            }
          },
          0,
          periodMicros,
          TimeUnit.MICROSECONDS);
      while (sent.get() < total
          && Duration.between(started, Instant.now()).toSeconds() < seconds + 30) {
        Thread.sleep(100);
      }
      clock.shutdownNow();
      for (CompletableFuture<HttpResponse<String>> send : sends) {
        check(send.join());
      }
      System.out.printf(
          "Sent %d in %d ms (%d answered 429 and sent again); waiting for the inbox%n",
          sends.size(), Duration.between(started, Instant.now()).toMillis(), TOO_MANY.get());
      awaitNotifications(stack, sends.size());
      report(stack, total - measuredFrom, rate, seconds);
    }
    // The HTTP client's threads would keep the JVM alive; the stack is closed, so leave.
    System.exit(0);
  }

  private static void report(LocalStack stack, int count, int rate, int seconds) throws Exception {
    Map<String, Instant> accepted = new HashMap<>();
    Map<String, Instant> perpetratorAccepted = new HashMap<>();
    try (Connection tracking = stack.database(LocalStack.Service.TRACKING);
        Statement statement = tracking.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT e.source_reference, e.received_at, r.perpetrator_id FROM intake_event e"
                    + " JOIN partner_record r ON r.event_id = e.event_id"
                    + " WHERE e.type = 'INCIDENT_REPORTED' AND e.source_reference LIKE 'M/%'")) {
      while (rows.next()) {
        Instant at = rows.getTimestamp(2).toInstant();
        accepted.put(rows.getString(1), at);
        perpetratorAccepted.put(rows.getString(3), at);
      }
    }
    List<Long> inbox = new ArrayList<>();
    try (Connection notification = stack.database(LocalStack.Service.NOTIFICATION);
        Statement statement = notification.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT fact_key, created_at FROM notification WHERE kind = 'NEW_INCIDENT'")) {
      while (rows.next()) {
        String reference = rows.getString(1).substring("INCIDENT:HAMPSHIRE_POLICE:".length());
        if (!reference.startsWith("M/")) {
          continue;
        }
        Instant at = accepted.get(reference);
        if (at != null) {
          inbox.add(Duration.between(at, rows.getTimestamp(2).toInstant()).toMillis());
        }
      }
    }
    List<Long> score = new ArrayList<>();
    try (Connection scoring = stack.database(LocalStack.Service.SCORING);
        Statement statement = scoring.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT perpetrator_id, min(as_of) FROM score_history GROUP BY perpetrator_id")) {
      while (rows.next()) {
        Instant at = perpetratorAccepted.get(rows.getString(1));
        if (at != null) {
          score.add(Duration.between(at, rows.getTimestamp(2).toInstant()).toMillis());
        }
      }
    }
    System.out.printf("%nRESULT rate=%d/s duration=%ds events=%d%n", rate, seconds, count);
    System.out.println("RESULT intake->inbox  " + percentiles(inbox));
    System.out.println("RESULT intake->score  " + percentiles(score));
  }

  private static String percentiles(List<Long> millis) {
    if (millis.isEmpty()) {
      return "no samples";
    }
    Collections.sort(millis);
    return String.format(
        "n=%d p50=%dms p95=%dms p99=%dms max=%dms",
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.95) - 1)),
        millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.99) - 1)),
        millis.get(millis.size() - 1));
  }

  private static void awaitNotifications(LocalStack stack, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      try (Connection notification = stack.database(LocalStack.Service.NOTIFICATION);
          Statement statement = notification.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT count(*) FROM notification WHERE kind = 'NEW_INCIDENT'")) {
        rows.next();
        if (rows.getInt(1) >= expected) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Not every incident reached the inbox within 5 minutes");
  }

  private static void awaitCaseload(HttpClient http, LocalStack stack, String worker)
      throws Exception {
    String token = token(stack, worker, Roles.VICTIM_SAFETY_WORKER, "SOUTHAMPTON_IDVA");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> caseload =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(stack.url(LocalStack.Service.NOTIFICATION) + "/api/v1/caseload"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (caseload.body().contains("victimRef")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The worker's link never arrived");
  }

  /** Requests answered 429 and sent again after the second Retry-After asks for. */
  private static final AtomicInteger TOO_MANY = new AtomicInteger();

  /**
   * Sends one incident as a well-behaved partner system does: a 429 is sent again after a second.
   * The sender's clock fires at a fixed rate and catches up after a pause of its own JVM (which
   * also runs the broker on the same two cores), so it can burst past the intake's rate limit.
   */
  private static CompletableFuture<HttpResponse<String>> send(
      HttpClient http, LocalStack stack, String token, String body) {
    return http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(stack.url(LocalStack.Service.TRACKING) + "/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            response -> {
              if (response.statusCode() != 429) {
                return CompletableFuture.completedFuture(response);
              }
              TOO_MANY.incrementAndGet();
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                  .thenCompose(again -> send(http, stack, token, body));
            });
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "Intake answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String token(LocalStack stack, String subject, String role, String agency) {
    return stack
        .issuer()
        .mint(subject, List.of(role), agency, List.of("SOUTHAMPTON"), Duration.ofHours(1));
  }

  /** An incident by a new synthetic person against the linked victim; phase W or M. */
  private static String incident(String victim, String phase) {
    String id = UUID.randomUUID().toString();
    return BenchEnvelopes.incident(id, "BENCH-" + id, phase + "/" + id, victim);
  }
}
