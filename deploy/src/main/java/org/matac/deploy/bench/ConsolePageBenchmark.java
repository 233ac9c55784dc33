package org.matac.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.matac.deploy.LocalStack;
import org.matac.deploy.StackSettings;
import org.matac.events.access.Roles;

/**
 * Times the console's pages, server-rendered end to end (the console and every API call behind it),
 * with N perpetrators stored: the facts of N people are written into scoring as ScoringBenchmark
 * does, and 30 people sent through intake rank above all of them in SOUTHAMPTON, so the pages show
 * real profiles, a published cycle with actions, referrals and notifications.
 *
 * <p>Usage: {@code deploy/benchmarks/bench-console.sh [perpetrators] [seed]} (defaults 100000 and
 * 1). Prints RESULT lines with p50, p95, p99 and max per page. Not part of the test suite.
 */
public final class ConsolePageBenchmark {

  private static final String AREA = "SOUTHAMPTON";
  private static final int TOP = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConsolePageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Path data = Files.createTempDirectory("matac-bench-console-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      Instant loading = Instant.now();
      ScoringBenchmark.store(stack, people, new Random(seed));
      System.out.printf(
          "Stored %d perpetrators' facts in %d s%n",
          people, Duration.between(loading, Instant.now()).toSeconds());
      HttpClient http = HttpClient.newHttpClient();
      String police = token(stack, "bench-feed", Roles.PARTNER_SYSTEM, "HAMPSHIRE_POLICE");
      String idva = token(stack, "bench-idva", Roles.PARTNER_SYSTEM, "SOUTHAMPTON_IDVA");
      String coordinator =
          token(stack, "bench-coordinator", Roles.MATAC_COORDINATOR, "SOUTHAMPTON_CITY_COUNCIL");
      String caseworker = token(stack, "bench-caseworker", Roles.CASEWORKER, "HAMPTON_TRUST");
      String worker = token(stack, "bench-worker", Roles.VICTIM_SAFETY_WORKER, "SOUTHAMPTON_IDVA");
      String tracking = stack.url(LocalStack.Service.TRACKING);
      String scoring = stack.url(LocalStack.Service.SCORING);
      String console = stack.url(LocalStack.Service.CONSOLE);

      for (int person = 0; person < TOP; person++) {
        if (person < 5) {
          send(http, tracking, idva, assignment(person));
        }
        for (int incident = 0; incident < 5; incident++) {
          send(http, tracking, police, incident(person, incident));
        }
        send(http, tracking, police, referral(person));
      }
      JsonNode ranking = awaitTopRanked(http, scoring, coordinator);
      String cycle = publishedCycle(http, scoring, coordinator, ranking);
      String someone = ranking.path("entries").get(0).path("perpetratorId").asText();
      String referral =
          JSON.readTree(
                  call(
                      http,
                      ScoringBenchmark.get(
                          tracking + "/api/v1/referrals?area=" + AREA, caseworker)))
              .path("items")
              .get(0)
              .path("id")
              .asText();

      page(http, console, "/rankings", coordinator, 60);
      page(http, console, "/people/" + someone, coordinator, 60);
      page(http, console, "/cycles", coordinator, 40);
      page(http, console, "/cycles/" + cycle, coordinator, 40);
      page(http, console, "/cycles/" + cycle + "/entries/" + someone, coordinator, 40);
      page(http, console, "/cycles/" + cycle + "/pack", coordinator, 40);
      page(http, console, "/referrals", caseworker, 40);
      page(http, console, "/referrals/" + referral, caseworker, 40);
      page(http, console, "/inbox", worker, 40);
    }
  }

  private static String token(LocalStack stack, String subject, String role, String agency) {
    return stack.issuer().mint(subject, List.of(role), agency, List.of(AREA), Duration.ofHours(2));
  }

  /**
   * Times {@code path} {@code times} times after thirty unmeasured warm-up requests: the first
   * requests of a page run its code paths interpreted, in the console and in every service.
   */
  private static void page(HttpClient http, String console, String path, String token, int times)
      throws Exception {
    for (int i = 0; i < 30; i++) {
      ScoringBenchmark.timed(http, ScoringBenchmark.get(console + path, token));
    }
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      millis.add(ScoringBenchmark.timed(http, ScoringBenchmark.get(console + path, token)));
    }
    Collections.sort(millis);
    System.out.printf(
        "RESULT page %s n=%d p50=%dms p95=%dms p99=%dms max=%dms%n",
        path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"),
        millis.size(),
        percentile(millis, 0.50),
        percentile(millis, 0.95),
        percentile(millis, 0.99),
        millis.get(millis.size() - 1));
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.ceil(p * (sorted.size() - 1)));
  }

  private static JsonNode awaitTopRanked(HttpClient http, String scoring, String coordinator)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonNode ranking =
          JSON.readTree(
              call(
                  http,
                  ScoringBenchmark.get(
                      scoring + "/api/v1/rankings?area=" + AREA + "&limit=20", coordinator)));
      boolean allReal = true;
      for (JsonNode entry : ranking.path("entries")) {
        allReal &= entry.path("score").path("total").asInt() >= 27;
      }
      if (allReal && ranking.path("entries").size() == 20) {
        return ranking;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The people sent through intake never reached the top 20");
  }

  /** A cycle drafted, every entry approved with one action, and published: the pack's content. */
  private static String publishedCycle(
      HttpClient http, String scoring, String coordinator, JsonNode ranking) throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonNode cycle =
        JSON.readTree(
            call(
                http,
                post(
                    scoring + "/api/v1/tasking-cycles",
                    "{\"area\":\"" + AREA + "\",\"cycleDate\":\"" + today + "\"}",
                    coordinator)));
    String id = cycle.path("cycle").path("id").asText();
    for (JsonNode entry : cycle.path("entries")) {
      String entryPath =
          scoring
              + "/api/v1/tasking-cycles/"
              + id
              + "/entries/"
              + entry.path("perpetratorId").asText();
      call(
          http,
          post(
              entryPath + "/decision",
              "{\"decision\":\"APPROVE\",\"reason\":\"bench\"}",
              coordinator));
      call(
          http,
          post(
              entryPath + "/actions",
              "{\"agency\":\"HAMPSHIRE_POLICE\",\"tactic\":\"DISRUPTION\",\"description\":\"Bench"
                  + " action\",\"owner\":\"PC Bench\",\"dueDate\":\""
                  + today.plusDays(14)
                  + "\"}",
              coordinator));
    }
    call(http, post(scoring + "/api/v1/tasking-cycles/" + id + "/publish", "", coordinator));
    return id;
  }

  private static String incident(int person, int incident) {
    Instant at = Instant.now().minus(Duration.ofDays(3 + incident));
    String reference = "44/BENCH-" + person + "-" + incident;
    return """
        {"eventId":"%s","type":"INCIDENT_REPORTED","schemaVersion":1,"source":"HAMPSHIRE_POLICE",\
        "sourceReference":"%s","occurredAt":"%s","recordedAt":"%s","area":"%s",\
        "perpetrator":{"sourcePersonId":"NICHE-BENCH-%d","givenName":"Benchtop%d",\
        "familyName":"Fakeperson","dateOfBirth":"1990-01-01"},\
        "payload":{"incidentRef":"%s","crimed":true,"offences":[{"category":"GBH"}],\
        "victims":[{"victimRef":"V-BENCH-%d-%d","relationship":"INTIMATE_PARTNER",\
        "contact":{"address":"1 Nowhere Lane","phone":"00000 000000"}}],\
        "childrenPresent":false,"dashRisk":"HIGH"}}\
        """
        .formatted(
            UUID.randomUUID(),
            reference,
            at,
            at,
            AREA,
            person,
            person,
            reference,
            person,
            incident);
  }

  private static String referral(int person) {
    Instant now = Instant.now();
    return """
        {"eventId":"%s","type":"PARTNER_REFERRAL","schemaVersion":1,"source":"HAMPSHIRE_POLICE",\
        "sourceReference":"REF-BENCH-%d","occurredAt":"%s","recordedAt":"%s","area":"%s",\
        "perpetrator":{"sourcePersonId":"NICHE-BENCH-%d"},\
        "payload":{"referralRef":"REF-BENCH-%d","referringAgency":"HAMPSHIRE_POLICE",\
        "reason":"bench","consentToShare":true,"pathway":"DVPP"}}\
        """
        .formatted(UUID.randomUUID(), person, now, now, AREA, person, person);
  }

  private static String assignment(int person) {
    Instant now = Instant.now();
    return """
        {"eventId":"%s","type":"SAFETY_WORKER_ASSIGNED","schemaVersion":1,"source":"SOUTHAMPTON_IDVA",\
        "sourceReference":"IDVA-BENCH-%d","occurredAt":"%s","recordedAt":"%s",\
        "perpetrator":{"sourcePersonId":"IDVA-PERSON-BENCH-%d"},\
        "payload":{"victimRef":"V-BENCH-%d-0","victimSource":"HAMPSHIRE_POLICE",\
        "workerId":"bench-worker","workerAgency":"SOUTHAMPTON_IDVA"}}\
        """
        .formatted(UUID.randomUUID(), person, now, now, person, person);
  }

  private static void send(HttpClient http, String tracking, String token, String envelope)
      throws Exception {
    call(http, post(tracking + "/api/v1/events", envelope, token));
  }

  private static HttpRequest post(String url, String body, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String call(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
