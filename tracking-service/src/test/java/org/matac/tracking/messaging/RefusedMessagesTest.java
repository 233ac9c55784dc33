package org.matac.tracking.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.events.FieldError;
import org.matac.events.Topics;
import org.matac.support.kafka.BatchHandling;
import org.matac.support.refusal.Refused;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * A message a use case refuses for what it says is refused again however often it is tried: the
 * consumer dead-letters it at the first refusal, with the refusal's words, for an admin to see.
 */
@MicronautTest(transactional = false)
class RefusedMessagesTest extends TrackingServiceTestBase {

  @Inject BatchHandling batches;

  @Nested
  class AMessageAUseCaseRefuses {

    @Test
    void is_tried_once_and_dead_lettered_with_the_refusals_words() throws Exception {
      long offset = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
      ConsumerRecord<String, byte[]> record =
          new ConsumerRecord<>(
              Topics.PARTNER_INTAKE,
              0,
              offset,
              "refused-" + offset,
              "{}".getBytes(StandardCharsets.UTF_8));
      AtomicInteger tries = new AtomicInteger();

      var result =
          batches.alone(
              record,
              () -> {
                tries.incrementAndGet();
                throw Refused.invalid(
                    "The referral names no pathway the partnership runs.",
                    List.of(new FieldError("payload.pathway", "is not a pathway")));
              },
              Topics.TRACKING_DEAD_LETTER);

      assertThat(result).isEmpty();
      assertThat(tries).hasValue(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  countOf(
                          "SELECT count(*) FROM dead_letter WHERE original_offset = ?"
                              + " AND reason = 'REFUSED'"
                              + " AND errors LIKE '%names no pathway%'",
                          offset)
                      == 1);
    }
  }
}
