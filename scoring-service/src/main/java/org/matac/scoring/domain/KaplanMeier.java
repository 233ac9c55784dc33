package org.matac.scoring.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Time to a first re-offence after entry, as the share of people with none recorded yet on each day
 * (the Kaplan-Meier estimate), with the numbers still at risk. A person is followed until their
 * first incident after entry or the end of their follow-up, whichever came first; one followed for
 * less time without an incident (censored) counts among those at risk only while followed.
 */
public final class KaplanMeier {

  private KaplanMeier() {}

  /**
   * One person: the day of their first incident after entry, or the last day they were followed.
   */
  public record Followed(int days, boolean reoffended) {

    /** A person followed for {@code followUpDays}, with their first incident in it, if any. */
    public static Followed of(OptionalInt daysToFirstIncident, int followUpDays) {
      return daysToFirstIncident.isPresent() && daysToFirstIncident.getAsInt() <= followUpDays
          ? new Followed(daysToFirstIncident.getAsInt(), true)
          : new Followed(followUpDays, false);
    }
  }

  /** From {@code day} on, {@code surviving} of the people had no re-offence recorded. */
  public record Step(int day, double surviving) {}

  /** How many were still followed and without a re-offence at the start of {@code day}. */
  public record AtRisk(int day, int people) {}

  public record Curve(int people, int reoffended, List<Step> steps, List<AtRisk> atRisk) {

    /** The share with no re-offence by the end of {@code day}. */
    public double survivingAt(int day) {
      double surviving = 1;
      for (Step step : steps) {
        if (step.day() > day) {
          break;
        }
        surviving = step.surviving();
      }
      return surviving;
    }
  }

  /**
   * The curve: it starts at 1 on day 0 and steps down on each day someone re-offended, by the share
   * of those at risk that day who did (S(t) = product over event days of 1 - d/n).
   */
  public static Curve estimate(List<Followed> people, int... reportAtRiskOn) {
    List<Followed> byDay = people.stream().sorted(Comparator.comparingInt(Followed::days)).toList();
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(0, 1));
    double surviving = 1;
    int atRisk = byDay.size();
    int i = 0;
    while (i < byDay.size()) {
      int day = byDay.get(i).days();
      int reoffended = 0;
      int leaving = 0;
      while (i < byDay.size() && byDay.get(i).days() == day) {
        reoffended += byDay.get(i).reoffended() ? 1 : 0;
        leaving++;
        i++;
      }
      if (reoffended > 0) {
        surviving *= 1 - reoffended / (double) atRisk;
        if (day == 0) {
          steps.set(0, new Step(0, surviving));
        } else {
          steps.add(new Step(day, surviving));
        }
      }
      atRisk -= leaving;
    }
    List<AtRisk> reported = new ArrayList<>();
    for (int day : reportAtRiskOn) {
      reported.add(
          new AtRisk(day, (int) people.stream().filter(person -> person.days() >= day).count()));
    }
    return new Curve(
        people.size(), (int) people.stream().filter(Followed::reoffended).count(), steps, reported);
  }
}
