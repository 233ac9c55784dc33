package org.matac.support.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gauge operators watch, by name: {@code matac.outbox.waiting} is scraped by Prometheus as {@code
 * matac_outbox_waiting}. Its figures are read from the service's own database on a schedule (see
 * {@link OperationalFigures}), so a scrape never queries the database.
 */
public record Measure(String name, String description, String unit) {

  /** A figure of this measure, with tags given as name, value, name, value… */
  public Figure of(double value, String... tagNamesAndValues) {
    if (tagNamesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Tags come in pairs of name and value: " + name);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < tagNamesAndValues.length; i += 2) {
      tags.put(tagNamesAndValues[i], tagNamesAndValues[i + 1]);
    }
    return new Figure(this, tags, value);
  }

  /**
   * A figure of this measure in seconds: how long ago {@code since} was, or 0 when there is nothing
   * to age ({@code since} is null), so that an alert on the age never fires on an empty table.
   */
  public Figure ageOf(Instant since, Instant now, String... tagNamesAndValues) {
    double seconds = since == null ? 0 : Duration.between(since, now).toMillis() / 1000.0;
    return of(Math.max(0, seconds), tagNamesAndValues);
  }
}
