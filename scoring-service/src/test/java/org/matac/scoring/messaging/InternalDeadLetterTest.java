package org.matac.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.scoring.ScoringServiceTestBase;

/** What scoring could not take from another service is kept for an admin, and replayed once. */
@MicronautTest(transactional = false)
class InternalDeadLetterTest extends ScoringServiceTestBase {

  @Inject ObjectMapper json;

  private String admin() {
    return token("admin-1", "ADMIN", "HAMPSHIRE_POLICE");
  }

  private JsonNode letterFor(String key) throws Exception {
    for (JsonNode letter :
        json.readTree(body(get("/api/v1/dead-letters", admin()))).path("items")) {
      String id = letter.path("id").asText();
      JsonNode shown = json.readTree(body(get("/api/v1/dead-letters/" + id, admin())));
      if (shown.path("value").asText().contains(key)) {
        return letter;
      }
    }
    return null;
  }

  @Test
  void an_unreadable_profile_change_is_kept_with_its_origin_and_can_be_replayed_once()
      throws Exception {
    String marker = "unreadable-" + UUID.randomUUID();
    publishProfileChange(UUID.randomUUID().toString(), "{not json " + marker);

    await().atMost(Duration.ofSeconds(30)).until(() -> letterFor(marker) != null);
    JsonNode letter = letterFor(marker);
    assertThat(letter.path("originalTopic").asText()).isEqualTo(Topics.PROFILE_CHANGED);
    assertThat(letter.path("reason").asText()).isEqualTo("UNREADABLE_MESSAGE");
    assertThat(letter.path("status").asText()).isEqualTo("NEW");
    String replay = "/api/v1/dead-letters/" + letter.path("id").asText() + "/replay";

    var replayed = exchange(HttpRequest.POST(replay, "").bearerAuth(admin()));

    assertThat(replayed.code()).isEqualTo(200);
    assertThat(json.readTree(body(replayed)).path("status").asText()).isEqualTo("REPLAYED");
    assertThat(exchange(HttpRequest.POST(replay, "").bearerAuth(admin())).code()).isEqualTo(409);
    assertThat(exchange(HttpRequest.POST(replay, "").bearerAuth(analystToken())).code())
        .isEqualTo(403);
  }
}
