package org.matac.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of a {@code /prometheus} endpoint, read as a scraper reads it. */
public final class PrometheusText {

  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample line: a metric name, its labels and its value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int labelsStart = line.indexOf('{');
      int valueStart = line.lastIndexOf(' ');
      String name = line.substring(0, labelsStart >= 0 ? labelsStart : valueStart);
      Map<String, String> labels = new LinkedHashMap<>();
      if (labelsStart >= 0) {
        Matcher label = LABEL.matcher(line.substring(labelsStart, line.lastIndexOf('}')));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(name, labels, Double.parseDouble(line.substring(valueStart + 1))));
    }
    return new PrometheusText(samples);
  }

  /** The value of the sample named so whose labels include {@code labels}, if there is one. */
  public OptionalDouble value(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(sample -> sample.name().equals(name))
        .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
        .mapToDouble(Sample::value)
        .findFirst();
  }

  public OptionalDouble value(String name) {
    return value(name, Map.of());
  }

  /** Every sample of that name. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }
}
