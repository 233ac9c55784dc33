package org.matac.scoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.matac.events.FieldError;

/**
 * What a policy document must satisfy before a partnership may activate it: bands that cover their
 * range in order, no negative points or weights, and a gravity weight for every offence category
 * partners may send.
 */
public final class PolicyValidation {

  private PolicyValidation() {}

  public static List<FieldError> problems(ScoringPolicy policy, Set<String> offenceCategories) {
    List<FieldError> problems = new ArrayList<>();
    if (policy.id() == null || !policy.id().matches("[a-z0-9][a-z0-9.-]{0,63}")) {
      problems.add(new FieldError("id", "must be 1-64 lower-case letters, digits, dots or dashes"));
    }
    if (policy.windowDays() <= 0) {
      problems.add(new FieldError("windowDays", "must be positive"));
    }
    recency(policy, problems);
    fromBands("frequency", policy.frequency(), problems);
    fromBands("victims", policy.victims(), problems);
    gravity(policy, problems);
    ScoringPolicy.Weights weights = policy.weights();
    if (weights == null) {
      problems.add(new FieldError("weights", "is required"));
    } else if (weights.recency() < 0
        || weights.frequency() < 0
        || weights.gravity() < 0
        || weights.victims() < 0) {
      problems.add(new FieldError("weights", "must not be negative"));
    }
    if (policy.flags() == null || policy.cohorts() == null) {
      problems.add(new FieldError(policy.flags() == null ? "flags" : "cohorts", "is required"));
    }
    gravityTable(policy, offenceCategories, problems);
    return problems;
  }

  private static void recency(ScoringPolicy policy, List<FieldError> problems) {
    List<ScoringPolicy.UpTo> bands = policy.recency();
    if (bands == null || bands.isEmpty()) {
      problems.add(new FieldError("recency", "needs at least one band"));
      return;
    }
    int previous = -1;
    for (int i = 0; i < bands.size(); i++) {
      ScoringPolicy.UpTo band = bands.get(i);
      if (band.upTo() <= previous) {
        problems.add(
            new FieldError("recency[" + i + "].upTo", "must be greater than the band before"));
      }
      if (band.points() < 0) {
        problems.add(new FieldError("recency[" + i + "].points", "must not be negative"));
      }
      previous = band.upTo();
    }
    if (previous < policy.windowDays() - 1) {
      problems.add(
          new FieldError(
              "recency",
              "the last band must reach the end of the window (" + policy.windowDays() + " days)"));
    }
  }

  private static void fromBands(
      String name, List<ScoringPolicy.From> bands, List<FieldError> problems) {
    if (bands == null || bands.isEmpty()) {
      problems.add(new FieldError(name, "needs at least one band"));
      return;
    }
    if (bands.get(0).from() != 1) {
      problems.add(
          new FieldError(name + "[0].from", "must be 1: every count from one up is covered"));
    }
    for (int i = 0; i < bands.size(); i++) {
      if (i > 0 && bands.get(i).from() <= bands.get(i - 1).from()) {
        problems.add(
            new FieldError(name + "[" + i + "].from", "must be greater than the band before"));
      }
      if (bands.get(i).points() < 0) {
        problems.add(new FieldError(name + "[" + i + "].points", "must not be negative"));
      }
    }
  }

  private static void gravity(ScoringPolicy policy, List<FieldError> problems) {
    List<ScoringPolicy.HarmFrom> bands = policy.gravity();
    if (bands == null || bands.isEmpty()) {
      problems.add(new FieldError("gravity", "needs at least one band"));
      return;
    }
    if (bands.get(0).from().signum() != 0) {
      problems.add(new FieldError("gravity[0].from", "must be 0: every harm above 0 is covered"));
    }
    for (int i = 0; i < bands.size(); i++) {
      if (i > 0 && bands.get(i).from().compareTo(bands.get(i - 1).from()) <= 0) {
        problems.add(
            new FieldError("gravity[" + i + "].from", "must be greater than the band before"));
      }
      if (bands.get(i).points() < 0) {
        problems.add(new FieldError("gravity[" + i + "].points", "must not be negative"));
      }
    }
  }

  private static void gravityTable(
      ScoringPolicy policy, Set<String> offenceCategories, List<FieldError> problems) {
    if (policy.gravityTable() == null || policy.gravityTable().weights() == null) {
      problems.add(new FieldError("gravityTable", "is required"));
      return;
    }
    TreeSet<String> missing = new TreeSet<>(offenceCategories);
    missing.add(ScoringPolicy.GravityTable.NON_CRIME);
    missing.removeAll(policy.gravityTable().weights().keySet());
    if (!missing.isEmpty()) {
      problems.add(new FieldError("gravityTable.weights", "has no weight for " + missing));
    }
    policy
        .gravityTable()
        .weights()
        .forEach(
            (category, weight) -> {
              if (weight == null || weight.compareTo(BigDecimal.ZERO) < 0) {
                problems.add(
                    new FieldError("gravityTable.weights." + category, "must not be negative"));
              }
            });
  }
}
