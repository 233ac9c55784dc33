package org.matac.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OperationalFiguresTest {

  private static final Measure WAITING = new Measure("test.waiting", "Letters waiting", "letters");
  private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

  /** A source whose next answer the test sets, or which fails when told to. */
  private static final class Scripted implements FigureSource {
    List<Figure> next = new ArrayList<>();
    boolean failing;

    @Override
    public List<Measure> measures() {
      return List.of(WAITING);
    }

    @Override
    public List<Figure> read() {
      if (failing) {
        throw new IllegalStateException("database unreachable");
      }
      return next;
    }
  }

  /** The service's clock, moved by the test. */
  private static final class SettableClock extends Clock {
    Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Scripted source = new Scripted();
  private final SettableClock clock = new SettableClock(NOON);
  private final OperationalFigures figures =
      new OperationalFigures(registry, List.of(source), clock);

  private List<Double> waitingFrom(String topic) {
    return registry.find("test.waiting").tag("topic", topic).gauges().stream()
        .map(Gauge::value)
        .toList();
  }

  private double age() {
    return registry.get("matac.figures.age").gauge().value();
  }

  @Nested
  class BeforeTheFirstRead {

    @Test
    void declares_each_measure_with_nothing_to_show_and_no_age() {
      assertThat(registry.find("test.waiting").gauges()).isEmpty();
      assertThat(age()).isNaN();
    }
  }

  @Nested
  class AfterARead {

    @Test
    void shows_each_figure_with_its_tags() {
      source.next = List.of(WAITING.of(3, "topic", "a"), WAITING.of(5, "topic", "b"));

      assertThat(figures.refresh()).isTrue();

      assertThat(waitingFrom("a")).containsExactly(3.0);
      assertThat(waitingFrom("b")).containsExactly(5.0);
      assertThat(age()).isZero();
    }

    @Test
    void withdraws_a_figure_the_next_read_no_longer_has() {
      source.next = List.of(WAITING.of(3, "topic", "a"), WAITING.of(5, "topic", "b"));
      figures.refresh();

      source.next = List.of(WAITING.of(4, "topic", "a"));
      figures.refresh();

      assertThat(waitingFrom("a")).containsExactly(4.0);
      assertThat(waitingFrom("b")).isEmpty();
    }
  }

  @Nested
  class WhenASourceCannotBeRead {

    @Test
    void keeps_its_last_figures_and_lets_their_age_grow() {
      source.next = List.of(WAITING.of(3, "topic", "a"));
      figures.refresh();
      source.failing = true;
      clock.now = NOON.plusSeconds(90);

      assertThat(figures.refresh()).isFalse();

      assertThat(waitingFrom("a")).containsExactly(3.0);
      assertThat(age()).isEqualTo(90.0);
    }
  }

  @Nested
  class AnAge {

    @Test
    void is_the_seconds_since_a_time_and_zero_when_there_is_nothing_to_age() {
      assertThat(WAITING.ageOf(NOON.minusMillis(1500), NOON).value()).isEqualTo(1.5);
      assertThat(WAITING.ageOf(null, NOON).value()).isZero();
    }
  }
}
