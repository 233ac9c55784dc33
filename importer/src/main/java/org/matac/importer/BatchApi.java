package org.matac.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracking's batch endpoint, as any partner system calls it. A refused token stops the import at
 * once; an unreachable or failing service is tried again a few times and then stops it, saying that
 * running the same import again is safe.
 */
final class BatchApi {

  static final int MAX_BATCH = 1_000;

  /** What intake said of one envelope: ACCEPTED, DUPLICATE or REJECTED with its reasons. */
  record Answer(String status, List<String> reasons) {}

  /** Why the import stopped before it had sent everything. */
  static final class Stopped extends Exception {
    Stopped(String message) {
      super(message);
    }
  }

  private final URI batch;
  private final String token;
  private final List<Duration> pauses;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  BatchApi(URI trackingUrl, String token, List<Duration> pauses) {
    this.batch = trackingUrl.resolve("/api/v1/events/batch");
    this.token = token;
    this.pauses = pauses;
  }

  List<Answer> send(List<ObjectNode> envelopes) throws Stopped {
    ArrayNode body = json.createArrayNode().addAll(envelopes);
    HttpRequest request =
        HttpRequest.newBuilder(batch)
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    String lastFailure = "";
    for (int attempt = 0; attempt <= pauses.size(); attempt++) {
      if (attempt > 0) {
        pause(pauses.get(attempt - 1));
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 207) {
          return answers(response.body(), envelopes.size());
        }
        if (status == 401) {
          throw new Stopped(
              "Tracking refused the token (401): it is missing, expired or not"
                  + " issued for this deployment. Get a new PARTNER_SYSTEM token and run again.");
        }
        if (status == 403) {
          throw new Stopped(
              "Tracking refused the token (403): the import needs a PARTNER_SYSTEM"
                  + " token of the mapping's agency.");
        }
        if (status < 500) {
          throw new Stopped("Tracking refused the batch (" + status + "): " + response.body());
        }
        lastFailure = "tracking answered " + status;
      } catch (IOException e) {
        lastFailure = "tracking could not be reached at " + batch + " (" + e.getMessage() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped("Interrupted while sending");
      }
    }
    throw new Stopped(
        lastFailure
            + ", "
            + (pauses.size() + 1)
            + " times. Run the same import"
            + " again when it is back: what it already took is answered DUPLICATE, not added twice.");
  }

  private List<Answer> answers(String body, int expected) throws Stopped {
    JsonNode results;
    try {
      results = json.readTree(body).path("results");
    } catch (IOException e) {
      throw new Stopped("Tracking's answer is not the batch results it should be");
    }
    if (!results.isArray() || results.size() != expected) {
      throw new Stopped(
          "Tracking answered " + results.size() + " results for " + expected + " envelopes");
    }
    List<Answer> answers = new ArrayList<>();
    for (JsonNode result : results) {
      List<String> reasons = new ArrayList<>();
      result
          .path("errors")
          .forEach(
              error ->
                  reasons.add(
                      error.path("field").asText() + ": " + error.path("message").asText()));
      answers.add(new Answer(result.path("status").asText(), List.copyOf(reasons)));
    }
    return answers;
  }

  private static void pause(Duration pause) throws Stopped {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped("Interrupted while waiting to try again");
    }
  }
}
