package org.matac.support.metrics;

import java.util.Map;

/** One reading of a {@link Measure}: for example the dead letters waiting from one topic. */
public record Figure(Measure measure, Map<String, String> tags, double value) {

  public Figure {
    tags = Map.copyOf(tags);
  }
}
