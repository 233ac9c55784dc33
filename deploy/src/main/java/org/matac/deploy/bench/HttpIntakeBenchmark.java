package org.matac.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.matac.deploy.LocalStack;
import org.matac.deploy.StackSettings;
import org.matac.events.access.Roles;

/**
 * HTTP intake with valid tokens: single envelopes, then batches of 100, each sent back to back by a
 * few partner systems at once for a fixed time. Prints requests and events per second and the
 * latency of each request. Not part of the test suite.
 *
 * <p>Usage: {@code deploy/benchmarks/bench-http-intake.sh [seconds] [clients]} (defaults 30 and 4).
 * Each client is its own partner system, so the per-client rate limit (200 requests/s) is not what
 * is measured.
 */
public final class HttpIntakeBenchmark {

  private HttpIntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path data = Files.createTempDirectory("matac-bench-http-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      String url = stack.url(LocalStack.Service.TRACKING);
      List<SyntheticFeed.Event> feed = new SyntheticFeed(11, Instant.now()).events(400_000);
      run(stack, url + "/api/v1/events", feed, 1, seconds, clients);
      run(
          stack,
          url + "/api/v1/events/batch",
          feed.subList(200_000, feed.size()),
          100,
          seconds,
          clients);
    }
  }

  private static void run(
      LocalStack stack,
      String endpoint,
      List<SyntheticFeed.Event> feed,
      int perRequest,
      int seconds,
      int clients)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    Instant end = Instant.now().plusSeconds(seconds);
    List<Future<List<Long>>> results = new ArrayList<>();
    int share = feed.size() / clients;
    for (int c = 0; c < clients; c++) {
      String token =
          stack
              .issuer()
              .mint(
                  "bench-partner-" + c,
                  List.of(Roles.PARTNER_SYSTEM),
                  "HAMPSHIRE_POLICE",
                  List.of(),
                  Duration.ofHours(1));
      List<SyntheticFeed.Event> mine = feed.subList(c * share, (c + 1) * share);
      results.add(
          pool.submit(
              () -> {
                List<Long> millis = new ArrayList<>();
                int next = 0;
                while (Instant.now().isBefore(end) && next + perRequest <= mine.size()) {
                  List<String> bodies = new ArrayList<>();
                  for (int i = 0; i < perRequest; i++) {
                    bodies.add(mine.get(next++).json());
                  }
                  String body =
                      perRequest == 1 ? bodies.get(0) : "[" + String.join(",", bodies) + "]";
                  long started = System.nanoTime();
                  HttpResponse<String> response =
                      http.send(
                          HttpRequest.newBuilder(URI.create(endpoint))
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  millis.add((System.nanoTime() - started) / 1_000_000);
                  if (response.statusCode() >= 300 && response.statusCode() != 207) {
                    throw new IllegalStateException(
                        "Intake answered " + response.statusCode() + ": " + response.body());
                  }
                }
                return millis;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      all.addAll(result.get());
    }
    pool.shutdown();
    Collections.sort(all);
    System.out.printf(
        "RESULT %s clients=%d requests=%d requests_per_second=%.0f events_per_second=%.0f"
            + " p50=%dms p99=%dms max=%dms%n",
        perRequest == 1 ? "single" : "batch_of_" + perRequest,
        clients,
        all.size(),
        all.size() / (double) seconds,
        all.size() * perRequest / (double) seconds,
        all.get(all.size() / 2),
        all.get((int) Math.ceil(0.99 * (all.size() - 1))),
        all.get(all.size() - 1));
  }
}
