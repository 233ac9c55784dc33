package org.matac.deploy.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Scoring at scale: N perpetrators' facts stored (written straight into scoring's table, as
 * tracking's messages would leave them), then an area's ranking and a tasking draft timed through
 * the API, and a policy activation timed until every stored score names the new policy. Prints
 * RESULT lines; not part of the test suite.
 *
 * <p>Usage: {@code deploy/benchmarks/bench-scoring.sh [perpetrators] [seed]} (defaults 100000 and
 * 1).
 */
public final class ScoringBenchmark {

  private static final String[] AREAS = SyntheticFeed.AREAS;
  private static final String[] OFFENCES = {
    "COMMON_ASSAULT",
    "COMMON_ASSAULT",
    "CONTROLLING_COERCIVE_BEHAVIOUR",
    "CRIMINAL_DAMAGE",
    "HARASSMENT",
    "ABH",
    "GBH",
    "STALKING",
    "BREACH_OF_ORDER"
  };

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Path data = Files.createTempDirectory("matac-bench-scoring-");
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("MATAC_DATA_DIR", data.toString());
    try (LocalStack stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")))) {
      Instant loading = Instant.now();
      store(stack, people, new Random(seed));
      System.out.printf(
          "Stored %d perpetrators' facts in %d s%n",
          people, Duration.between(loading, Instant.now()).toSeconds());
      HttpClient http = HttpClient.newHttpClient();
      String coordinator =
          stack
              .issuer()
              .mint(
                  "bench-coordinator",
                  List.of(Roles.MATAC_COORDINATOR),
                  "SOUTHAMPTON_CITY_COUNCIL",
                  List.of("SOUTHAMPTON"),
                  Duration.ofHours(2));
      String admin =
          stack
              .issuer()
              .mint(
                  "bench-admin",
                  List.of(Roles.ADMIN),
                  "HAMPSHIRE_POLICE",
                  List.of(),
                  Duration.ofHours(2));
      String scoring = stack.url(LocalStack.Service.SCORING);

      List<Long> ranking = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        long took =
            timed(http, get(scoring + "/api/v1/rankings?area=SOUTHAMPTON&limit=20", coordinator));
        if (i >= 10) {
          ranking.add(took);
        }
      }
      report("ranking (area SOUTHAMPTON, top 20)", ranking);

      List<Long> drafts = new ArrayList<>();
      LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(1);
      for (int i = 0; i < 25; i++) {
        String body = "{\"area\":\"SOUTHAMPTON\",\"cycleDate\":\"" + first.plusDays(i) + "\"}";
        long took =
            timed(
                http,
                HttpRequest.newBuilder(URI.create(scoring + "/api/v1/tasking-cycles"))
                    .header("Authorization", "Bearer " + coordinator)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        if (i >= 5) {
          drafts.add(took);
        }
      }
      report("tasking draft (area SOUTHAMPTON)", drafts);

      String policy = "rfgv-bench-" + seed;
      String document;
      try (InputStream in =
          Files.newInputStream(
              Path.of("scoring-service/src/main/resources/policies/rfgv-1.json"))) {
        document =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"rfgv-1\"", "\"" + policy + "\"");
      }
      expect(
          http.send(
              HttpRequest.newBuilder(URI.create(scoring + "/api/v1/policies"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(document))
                  .build(),
              HttpResponse.BodyHandlers.ofString()),
          201);
      Instant activated = Instant.now();
      expect(
          http.send(
              HttpRequest.newBuilder(
                      URI.create(scoring + "/api/v1/policies/" + policy + "/activate"))
                  .header("Authorization", "Bearer " + admin)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString()),
          202);
      try (Connection db = stack.database(LocalStack.Service.SCORING)) {
        long rescored = 0;
        while (rescored < people) {
          Thread.sleep(1000);
          rescored = count(db, "SELECT count(*) FROM score WHERE policy_id = '" + policy + "'");
          System.out.printf("  rescored %d/%d%n", rescored, people);
          if (Duration.between(activated, Instant.now()).toMinutes() > 60) {
            throw new IllegalStateException("Rescoring took over an hour");
          }
        }
      }
      Duration rescore = Duration.between(activated, Instant.now());
      System.out.printf(
          "RESULT rescore perpetrators=%d seconds=%.1f per_second=%.0f%n",
          people, rescore.toMillis() / 1000.0, people / (rescore.toMillis() / 1000.0));
    }
  }

  /** Everyone's facts as tracking's last profile change would have left them. */
  static void store(LocalStack stack, int people, Random random) throws Exception {
    try (Connection db = stack.database(LocalStack.Service.SCORING);
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO perpetrator_facts (perpetrator_id, profile_version, profile, updated_at,"
                    + " areas) VALUES (?, 1, ?::jsonb, now(), ?)")) {
      db.setAutoCommit(false);
      Instant now = Instant.now();
      for (int person = 0; person < people; person++) {
        String area = AREAS[random.nextInt(AREAS.length)];
        int count = random.nextDouble() < 0.77 ? 1 : 2 + random.nextInt(3);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Instant at = now.minusSeconds((long) (random.nextDouble() * 3 * 365 * 86_400));
          String reference = "44/SB-" + person + "-" + i;
          incidents.add(
              """
              {"source":"HAMPSHIRE_POLICE","incidentRef":"%s","sourceReference":"%s",\
              "occurredAt":"%s","recordedAt":"%s","area":"%s","crimed":true,\
              "offenceCategories":["%s"],"victims":[{"victimSource":"HAMPSHIRE_POLICE",\
              "victimRef":"V-SB-%d-%d","relationship":"INTIMATE_PARTNER"}],\
              "childrenPresent":%s,"dashRisk":"STANDARD"}\
              """
                  .formatted(
                      reference,
                      reference,
                      at,
                      at,
                      area,
                      OFFENCES[random.nextInt(OFFENCES.length)],
                      person,
                      random.nextInt(2),
                      random.nextBoolean()));
        }
        String profile =
            """
            {"identities":[{"source":"HAMPSHIRE_POLICE","sourcePersonId":"NICHE-SB-%d"}],\
            "pncIds":[],"givenName":"Synthetic","familyName":"Benchperson",\
            "dateOfBirth":"%s","incidents":[%s],"records":[],"versions":[]}\
            """
                .formatted(
                    person,
                    LocalDate.of(
                        1970 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    String.join(",", incidents));
        insert.setObject(
            1, UUID.nameUUIDFromBytes(("bench-" + person).getBytes(StandardCharsets.UTF_8)));
        insert.setString(2, profile);
        insert.setArray(3, db.createArrayOf("text", new String[] {area}));
        insert.addBatch();
        if (person % 1000 == 999) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    }
  }

  static HttpRequest get(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  static long timed(HttpClient http, HttpRequest request) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long took = (System.nanoTime() - started) / 1_000_000;
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return took;
  }

  private static void expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          "Expected " + status + ", got " + response.statusCode() + ": " + response.body());
    }
  }

  private static void report(String what, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "RESULT %s n=%d p50=%dms p99=%dms max=%dms%n",
        what,
        sorted.size(),
        sorted.get((int) Math.floor(0.50 * (sorted.size() - 1))),
        sorted.get((int) Math.ceil(0.99 * (sorted.size() - 1))),
        sorted.get(sorted.size() - 1));
  }

  private static long count(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
