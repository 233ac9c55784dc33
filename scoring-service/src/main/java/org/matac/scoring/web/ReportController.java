package org.matac.scoring.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.matac.events.FieldError;
import org.matac.events.access.Roles;
import org.matac.scoring.application.cohorts.AreaMeasures;
import org.matac.scoring.application.cohorts.HarmReports;
import org.matac.scoring.application.cohorts.OutcomeReports;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;
import org.matac.support.web.Instants;

/** The partnership's evidence: figures about groups of people, for analysts and coordinators. */
@Controller("/api/v1/reports")
@Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReportController {

  private final HarmReports harmReports;
  private final OutcomeReports outcomeReports;
  private final AreaMeasures areaMeasures;
  private final Clock clock;

  public ReportController(
      HarmReports harmReports,
      OutcomeReports outcomeReports,
      AreaMeasures areaMeasures,
      Clock clock) {
    this.harmReports = harmReports;
    this.outcomeReports = outcomeReports;
    this.areaMeasures = areaMeasures;
    this.clock = clock;
  }

  /**
   * An area's offending measures for each of the twelve whole months before {@code asOf} (by
   * default now) and for the twelve together: DA incidents and crimes, victims and repeat victims,
   * perpetrators, repeat and serial perpetrators, each with its counting unit and definition.
   * Counts from 1 to 9 are suppressed.
   */
  @Get("/measures")
  public AreaMeasures.Report measures(
      @QueryValue String area, @Nullable @QueryValue String asOf, Authentication authentication) {
    return areaMeasures.of(
        area,
        asOf == null ? clock.instant() : Instants.parse("asOf", asOf),
        Caller.of(authentication));
  }

  /**
   * How concentrated harm was in an area between {@code from} and {@code to} (as known at {@code
   * asOf}, by default now): the share caused by the highest-harm 1%, 2%, 5% and 10%, the Lorenz
   * curve, the Gini coefficient with a 95% bootstrap interval ({@code seed} 1 unless given), and
   * how many people would cover half and four fifths of the harm.
   */
  @Get("/harm-concentration")
  public HarmReports.Report harmConcentration(
      @QueryValue String area,
      @QueryValue String from,
      @QueryValue String to,
      @Nullable @QueryValue String asOf,
      @Nullable @QueryValue Long seed,
      Authentication authentication) {
    Instant at = asOf == null ? clock.instant() : Instants.parse("asOf", asOf);
    return harmReports.harmConcentration(
        area,
        Instants.parse("from", from),
        Instants.parse("to", to),
        at,
        seed == null ? 1 : seed,
        Caller.of(authentication));
  }

  /**
   * Whether MATAC ({@code intervention} "matac") or a programme ("cara", "dvpp", "drive",
   * "outreach") worked in an area, as known at {@code asOf} (by default now): everyone taken on
   * whose year after entry has passed, described before and after entry (not an impact estimate),
   * compared with matched people who met the same entry rule at the same time and were not taken on
   * (a bias-corrected difference in differences with 95% bootstrap intervals, {@code seed} 1 unless
   * given), and their times to a first re-offence. Groups only: no person is named.
   * docs/evaluation.md explains each design and its limits.
   */
  @Get("/outcomes/{intervention}")
  public OutcomeReports.Report outcomes(
      @PathVariable String intervention,
      @QueryValue String area,
      @Nullable @QueryValue String asOf,
      @Nullable @QueryValue Long seed,
      Authentication authentication) {
    Instant at = asOf == null ? clock.instant() : Instants.parse("asOf", asOf);
    long chosenSeed = seed == null ? 1 : seed;
    String programme = intervention.toUpperCase(Locale.ROOT);
    if (programme.equals("MATAC")) {
      return outcomeReports.matac(area, at, chosenSeed, Caller.of(authentication));
    }
    if (!OutcomeReports.PROGRAMMES.contains(programme)) {
      throw Refused.invalid(
          "There is no intervention " + intervention + " to evaluate.",
          List.of(
              new FieldError(
                  "intervention",
                  "one of matac, "
                      + String.join(", ", new TreeSet<>(OutcomeReports.PROGRAMMES))
                          .toLowerCase(Locale.ROOT))));
    }
    return outcomeReports.programme(programme, area, at, chosenSeed, Caller.of(authentication));
  }
}
