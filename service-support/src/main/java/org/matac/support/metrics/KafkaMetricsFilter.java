package org.matac.support.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Kafka's clients report many metrics under one name at two levels: per client, and again per
 * broker connection ({@code node-id}), topic or partition. Prometheus needs one set of labels per
 * name, so every finer registration failed with a warning at each start. Only the per-client ones
 * are kept, and each partition's lag and lead ({@code records-lag}, {@code records-lead}), which
 * exist at that level only.
 */
@Factory
public class KafkaMetricsFilter {

  @Singleton
  MeterFilter perClientKafkaMetricsOnly() {
    return MeterFilter.deny(
        id -> {
          String name = id.getName().replace('-', '.');
          boolean finer =
              id.getTag("node-id") != null
                  || id.getTag("topic") != null
                  || id.getTag("partition") != null;
          boolean partitionOnly = name.endsWith("records.lag") || name.endsWith("records.lead");
          return name.startsWith("kafka.") && finer && !partitionOnly;
        });
  }
}
