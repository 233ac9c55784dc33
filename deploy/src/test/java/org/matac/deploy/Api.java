package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** What partners and services do behind the pages: events sent and answers read over HTTP. */
public final class Api {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** Sends one envelope to tracking's intake as a partner system; it must be accepted. */
  public void send(String partnerToken, String envelope) {
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(
                    URI.create(
                        RunningStack.stack().url(LocalStack.Service.TRACKING) + "/api/v1/events"))
                .header("Authorization", "Bearer " + partnerToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  /** A JSON request to a service's API as the holder of {@code token}; it must succeed. */
  public JsonNode post(LocalStack.Service service, String path, String body, String token) {
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(URI.create(RunningStack.stack().url(service) + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isLessThan(300);
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public JsonNode get(LocalStack.Service service, String path, String token) {
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(URI.create(RunningStack.stack().url(service) + path))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    try {
      return json.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A page or file from its full address, as a script with a bearer token reads it. */
  public String text(String url, String token) {
    HttpResponse<String> response =
        call(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
    return response.body();
  }

  public List<JsonNode> items(LocalStack.Service service, String path, String token) {
    List<JsonNode> items = new ArrayList<>();
    get(service, path, token).path("items").forEach(items::add);
    return items;
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
