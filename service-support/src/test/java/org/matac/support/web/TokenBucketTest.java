package org.matac.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Nested
  class AFreshBucket {

    @Test
    void allows_its_burst_at_once_and_refuses_the_next_with_the_wait_until_a_token() {
      TokenBucket bucket = new TokenBucket(2, 3, 0);

      assertThat(bucket.take(0)).isEmpty();
      assertThat(bucket.take(0)).isEmpty();
      assertThat(bucket.take(0)).isEmpty();
      assertThat(bucket.take(0)).contains(Duration.ofMillis(500));
    }
  }

  @Nested
  class AnEmptiedBucket {

    @Test
    void refills_at_its_rate_and_never_beyond_its_burst() {
      TokenBucket bucket = new TokenBucket(1, 2, 0);
      bucket.take(0);
      bucket.take(0);

      assertThat(bucket.take(SECOND)).isEmpty();
      assertThat(bucket.take(SECOND)).isPresent();
      assertThat(bucket.take(100 * SECOND)).isEmpty();
      assertThat(bucket.take(100 * SECOND)).isEmpty();
      assertThat(bucket.take(100 * SECOND)).isPresent();
    }
  }
}
