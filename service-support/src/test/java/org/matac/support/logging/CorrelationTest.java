package org.matac.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {

  private final UUID event = UUID.fromString("4f1c2a9e-0000-4000-8000-000000000001");
  private final UUID another = UUID.fromString("4f1c2a9e-0000-4000-8000-000000000002");

  @AfterEach
  void forget() {
    MDC.clear();
  }

  @Test
  void work_done_within_an_event_carries_its_id_and_nothing_after() {
    UUID seen = Correlation.within(event, () -> Correlation.current().orElseThrow());

    assertThat(seen).isEqualTo(event);
    assertThat(MDC.get(Correlation.KEY)).isNull();
  }

  @Test
  void work_for_another_event_inside_puts_the_first_back_when_it_ends() {
    Correlation.within(
        event,
        () -> {
          Correlation.within(another, () -> assertThat(Correlation.current()).contains(another));
          assertThat(Correlation.current()).contains(event);
        });
  }

  @Test
  void work_without_an_event_keeps_whatever_id_the_thread_had() {
    Correlation.within(
        event,
        () -> Correlation.within(null, () -> assertThat(Correlation.current()).contains(event)));
  }

  @Test
  void the_id_is_put_back_even_when_the_work_fails() {
    try {
      Correlation.within(
          event,
          () -> {
            throw new IllegalStateException("failed");
          });
    } catch (IllegalStateException expected) {
      // The point is what the thread is left with.
    }

    assertThat(Correlation.current()).isEmpty();
  }
}
