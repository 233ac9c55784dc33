package org.matac.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String SECRET = "agency-secret";
  private static final String BODY = "{\"kind\":\"NEW_INCIDENT\"}";
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Nested
  class AReceiver {

    @Test
    void accepts_the_body_as_signed_at_its_timestamp() {
      long at = NOW.getEpochSecond();

      assertThat(
              WebhookSignature.verify(
                  SECRET, at, BODY, WebhookSignature.sign(SECRET, at, BODY), NOW, FIVE_MINUTES))
          .isTrue();
    }

    @Test
    void refuses_an_altered_body() {
      long at = NOW.getEpochSecond();
      String signature = WebhookSignature.sign(SECRET, at, BODY);

      assertThat(WebhookSignature.verify(SECRET, at, BODY + " ", signature, NOW, FIVE_MINUTES))
          .isFalse();
    }

    @Test
    void refuses_a_replay_outside_the_tolerance_even_with_a_valid_signature() {
      long anHourAgo = NOW.minus(Duration.ofHours(1)).getEpochSecond();
      String signature = WebhookSignature.sign(SECRET, anHourAgo, BODY);

      assertThat(WebhookSignature.verify(SECRET, anHourAgo, BODY, signature, NOW, FIVE_MINUTES))
          .isFalse();
    }

    @Test
    void refuses_a_timestamp_moved_forward_onto_an_old_signature() {
      long signedAt = NOW.minus(Duration.ofHours(1)).getEpochSecond();
      String signature = WebhookSignature.sign(SECRET, signedAt, BODY);

      assertThat(
              WebhookSignature.verify(
                  SECRET, NOW.getEpochSecond(), BODY, signature, NOW, FIVE_MINUTES))
          .isFalse();
    }
  }

  @Test
  void the_signature_names_its_algorithm_and_is_hex() {
    assertThat(WebhookSignature.sign(SECRET, 1, BODY)).matches("sha256=[0-9a-f]{64}");
  }
}
