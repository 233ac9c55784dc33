package org.matac.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.matac.testing.Envelopes;
import org.matac.tracking.TrackingServiceTestBase;

/** One partner's runaway system cannot starve the others: past its allowance it is told to wait. */
@MicronautTest(transactional = false)
class IntakeRateLimitTest extends TrackingServiceTestBase {

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("matac.rate-limit.requests-per-second", "0.5");
    properties.put("matac.rate-limit.burst", "2");
    return properties;
  }

  @Test
  void a_client_past_its_burst_is_answered_429_with_retry_after_and_others_are_not()
      throws Exception {
    String police = partnerToken(POLICE);
    assertThat(postEvent(Envelopes.incident().json(), police).code()).isEqualTo(202);
    assertThat(postEvent(Envelopes.incident().json(), police).code()).isEqualTo(202);

    var refused = postEvent(Envelopes.incident().json(), police);

    assertThat(refused.code()).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(body(refused)).contains("retry after");
    assertThat(
            postEvent(
                    Envelopes.incident().withSource("THAMES_VALLEY_POLICE").json(),
                    partnerToken("THAMES_VALLEY_POLICE"))
                .code())
        .as("another partner keeps its own allowance")
        .isEqualTo(202);
  }
}
