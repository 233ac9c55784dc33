package org.matac.console.domain;

import java.util.List;
import java.util.Map;

/**
 * How a total is made: each component's points times its weight in the score's own policy, so a
 * coordinator can say why someone ranks where they do ("gravity counts twice under rfgv-1").
 */
public final class ScoreBreakdown {

  /** One component: its points, its weight and what it adds to the total. */
  public record Part(String component, int points, int weight, int adds) {}

  private static final List<String> COMPONENTS =
      List.of("recency", "frequency", "gravity", "victims");

  private ScoreBreakdown() {}

  public static List<Part> of(Map<String, Object> score, Map<String, Object> weights) {
    return COMPONENTS.stream()
        .map(
            component -> {
              int points = number(score.get(component), 0);
              int weight = number(weights.get(component), 1);
              return new Part(
                  Character.toUpperCase(component.charAt(0)) + component.substring(1),
                  points,
                  weight,
                  points * weight);
            })
        .toList();
  }

  private static int number(Object value, int otherwise) {
    return value instanceof Number number ? number.intValue() : otherwise;
  }
}
