package org.matac.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the service's operational gauges (outbox, dead letters, audit sealing and what each service
 * adds) up to date: every source is read on a schedule and the figures are held for Prometheus to
 * scrape, so scraping, however often, costs the database nothing. A source that cannot be read
 * keeps its last figures; {@code matac.figures.age} then grows, which is itself worth an alert.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
public class OperationalFigures {

  private static final Logger LOG = LoggerFactory.getLogger(OperationalFigures.class);

  private final List<FigureSource> sources;
  private final Clock clock;
  private final Map<Measure, MultiGauge> gauges = new HashMap<>();
  private volatile Instant lastComplete;

  public OperationalFigures(MeterRegistry registry, List<FigureSource> sources, Clock clock) {
    this.sources = List.copyOf(sources);
    this.clock = clock;
    for (FigureSource source : this.sources) {
      for (Measure measure : source.measures()) {
        gauges.put(
            measure,
            MultiGauge.builder(measure.name())
                .description(measure.description())
                .baseUnit(measure.unit())
                .register(registry));
      }
    }
    Gauge.builder("matac.figures.age", this, OperationalFigures::secondsSinceLastCompleteRead)
        .description(
            "Seconds since every operational figure was last read from the database; grows while"
                + " one cannot be read")
        .baseUnit("seconds")
        .register(registry);
  }

  @Scheduled(fixedDelay = "${matac.metrics.refresh-interval:15s}", initialDelay = "1s")
  void refreshOnSchedule() {
    refresh();
  }

  /** Reads every source now; answers whether all of them could be read. */
  public boolean refresh() {
    boolean complete = true;
    for (FigureSource source : sources) {
      try {
        show(source, source.read());
      } catch (RuntimeException e) {
        complete = false;
        LOG.warn(
            "Operational figures from {} could not be read; the last ones stay shown",
            source.getClass().getSimpleName(),
            e);
      }
    }
    if (complete) {
      lastComplete = clock.instant();
    }
    return complete;
  }

  private void show(FigureSource source, List<Figure> figures) {
    Map<Measure, List<MultiGauge.Row<?>>> rows = new HashMap<>();
    for (Figure figure : figures) {
      Tags tags = Tags.empty();
      for (Map.Entry<String, String> tag : figure.tags().entrySet()) {
        tags = tags.and(tag.getKey(), tag.getValue());
      }
      rows.computeIfAbsent(figure.measure(), measure -> new ArrayList<>())
          .add(MultiGauge.Row.of(tags, figure.value()));
    }
    for (Measure measure : source.measures()) {
      gauges.get(measure).register(rows.getOrDefault(measure, List.of()), true);
    }
  }

  private double secondsSinceLastCompleteRead() {
    Instant last = lastComplete;
    return last == null ? Double.NaN : Duration.between(last, clock.instant()).toMillis() / 1000.0;
  }
}
