package org.matac.console.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.matac.console.backends.Service;
import org.matac.console.backends.ServiceRefusal;
import org.matac.console.backends.Services;
import org.matac.console.backends.SessionToken;
import org.matac.console.domain.Csv;
import org.matac.console.domain.LorenzChart;
import org.matac.events.access.Roles;

/** The partnership's evidence, for analysts: figures about groups of people, never a person. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvidencePages {

  /** The periods offered, in months back from today. */
  static final List<Integer> PERIODS = List.of(3, 6, 12);

  /** What the outcomes page evaluates: MATAC first, then the programmes referrals reach. */
  static final List<String> INTERVENTIONS = List.of("MATAC", "CARA", "DVPP", "DRIVE", "OUTREACH");

  private final Services services;
  private final List<String> areas;
  private final Clock clock;

  public EvidencePages(
      Services services, @Value("${matac.partnership.areas}") List<String> areas, Clock clock) {
    this.services = services;
    this.areas = areas;
    this.clock = clock;
  }

  /**
   * How concentrated harm was in an area over the last 3, 6 or 12 months: scoring's figures, a
   * Lorenz curve drawn on the server with a table of tenths behind it, or, for an area with too few
   * people, why there are no figures.
   */
  @Get("/harm{?area,months}")
  @Secured({Roles.ANALYST, Roles.ADMIN})
  public ModelAndView<Map<String, Object>> harm(
      @Nullable @QueryValue String area, @Nullable @QueryValue Integer months, SessionToken token) {
    int period = periodOf(months);
    Asked asked =
        Asked.when(area != null && areas.contains(area), () -> report(area, period, token));
    Map<String, Object> report = asked.report();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return Page.of(
        "harm",
        "How concentrated harm is",
        "firstDay",
        today.minusMonths(period).toString(),
        "lastDay",
        today.minusDays(1).toString(),
        "areas",
        areas,
        "area",
        area,
        "periods",
        PERIODS,
        "months",
        period,
        "report",
        report,
        "chart",
        report == null ? null : LorenzChart.of(curveOf(report), 480, 320),
        "pairs",
        report == null ? null : pairShares(report),
        "refused",
        asked.refused());
  }

  /** The page's two tables as CSV, for a spreadsheet: the highest-harm groups, then the tenths. */
  @Get(value = "/harm.csv{?area,months}", produces = "text/csv")
  @Secured({Roles.ANALYST, Roles.ADMIN})
  public HttpResponse<String> harmCsv(
      @QueryValue String area, @Nullable @QueryValue Integer months, SessionToken token) {
    int period = periodOf(months);
    requireArea(area);
    Map<String, Object> report = report(area, period, token);
    List<List<String>> rows = new ArrayList<>();
    for (Map<String, Object> group : Answers.list(report.get("highestHarm"))) {
      rows.add(
          List.of(
              "Highest-harm groups",
              "Highest-harm " + Formats.SHARED.percent(group.get("fractionOfPeople")),
              Forms.text(group.get("people")),
              Formats.SHARED.percent(group.get("ofHarm")),
              Forms.text(group.get("withNoEarlierIncident"))));
    }
    for (LorenzChart.Tenth tenth : LorenzChart.of(curveOf(report), 480, 320).tenths()) {
      rows.add(
          List.of(
              "Lowest-harm people (Lorenz curve)",
              tenth.peoplePercent() + "%",
              "",
              tenth.harmPercent() + "%",
              ""));
    }
    String file = "harm-" + area.toLowerCase(Locale.UK) + "-last-" + period + "-months.csv";
    return HttpResponse.ok(
            Csv.of(
                List.of(
                    "Table", "Group", "People", "Share of all harm", "With no earlier incident"),
                rows))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  /**
   * An area's partnership measures for the twelve whole months before today: offending and MATAC,
   * each with its definition beside it and small counts suppressed, with the twelve months'
   * breakdowns.
   */
  @Get("/measures{?area}")
  @Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
  public ModelAndView<Map<String, Object>> measures(
      @Nullable @QueryValue String area, SessionToken token) {
    boolean chosen = area != null && areas.contains(area);
    Map<String, Object> report = chosen ? measuresReport(area, token) : null;
    Map<String, Object> referrals = chosen ? referralsReport(area, token) : null;
    Map<String, Object> notices = chosen ? noticesReport(area, token) : null;
    return Page.of(
        "measures",
        "Partnership measures",
        "areas",
        areas,
        "area",
        area,
        "report",
        report,
        "measures",
        report == null ? null : MeasureFigures.of(report),
        "referrals",
        referrals == null ? null : ReferralFigures.of(referrals),
        "notices",
        notices == null ? null : NoticeFigures.of(notices));
  }

  /** The measures page's tables as CSV: one line per measure, then the breakdowns. */
  @Get(value = "/measures.csv{?area}", produces = "text/csv")
  @Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
  public HttpResponse<String> measuresCsv(@QueryValue String area, SessionToken token) {
    requireArea(area);
    MeasureFigures figures = MeasureFigures.of(measuresReport(area, token));
    List<List<String>> rows = new ArrayList<>(figures.csvRows());
    int columns = figures.csvHeader().size();
    rows.addAll(ReferralFigures.of(referralsReport(area, token)).csvRows(columns));
    rows.addAll(NoticeFigures.of(noticesReport(area, token)).csvRows(columns));
    String file = "partnership-measures-" + area.toLowerCase(Locale.UK) + ".csv";
    return HttpResponse.ok(Csv.of(figures.csvHeader(), rows))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  private Map<String, Object> noticesReport(String area, SessionToken token) {
    return services.get(
        Service.NOTIFICATION, "/api/v1/reports/acknowledgements?area=" + area, token);
  }

  private Map<String, Object> referralsReport(String area, SessionToken token) {
    return services.get(Service.TRACKING, "/api/v1/reports/referrals?area=" + area, token);
  }

  private Map<String, Object> measuresReport(String area, SessionToken token) {
    return services.get(Service.SCORING, "/api/v1/reports/measures?area=" + area, token);
  }

  /**
   * Whether MATAC worked in an area: scoring's three designs, each with its strength and a table
   * behind every chart, and the caveats; or, for an area with too few people followed up, why not.
   */
  @Get("/outcomes{?area,intervention}")
  @Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
  public ModelAndView<Map<String, Object>> outcomes(
      @Nullable @QueryValue String area,
      @Nullable @QueryValue String intervention,
      SessionToken token) {
    String chosen = interventionOf(intervention);
    Asked asked =
        Asked.when(area != null && areas.contains(area), () -> outcomeReport(area, chosen, token));
    Map<String, Object> report = asked.report();
    return Page.of(
        "outcomes",
        "Did it work?",
        "areas",
        areas,
        "area",
        area,
        "interventions",
        INTERVENTIONS,
        "intervention",
        chosen,
        "report",
        report,
        "outcomes",
        report == null ? null : OutcomeFigures.of(report),
        "refused",
        asked.refused());
  }

  /** Every table of the outcomes page as CSV, one block after another. */
  @Get(value = "/outcomes.csv{?area,intervention}", produces = "text/csv")
  @Secured({Roles.ANALYST, Roles.ADMIN, Roles.MATAC_COORDINATOR})
  public HttpResponse<String> outcomesCsv(
      @QueryValue String area, @Nullable @QueryValue String intervention, SessionToken token) {
    requireArea(area);
    String chosen = interventionOf(intervention);
    OutcomeFigures figures = OutcomeFigures.of(outcomeReport(area, chosen, token));
    String file =
        chosen.toLowerCase(Locale.UK) + "-outcomes-" + area.toLowerCase(Locale.UK) + ".csv";
    return HttpResponse.ok(Csv.of(OutcomeFigures.CSV_HEADER, figures.csvRows()))
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  private Map<String, Object> outcomeReport(String area, String intervention, SessionToken token) {
    return services.get(
        Service.SCORING,
        "/api/v1/reports/outcomes/" + intervention.toLowerCase(Locale.ROOT) + "?area=" + area,
        token);
  }

  /**
   * A report asked of scoring for the chosen area, or, where scoring declines to report (too few
   * people: 400), its reason to show in place of figures; nothing when no area is chosen.
   */
  private record Asked(Map<String, Object> report, String refused) {

    static Asked when(boolean chosen, Supplier<Map<String, Object>> asking) {
      if (!chosen) {
        return new Asked(null, null);
      }
      try {
        return new Asked(asking.get(), null);
      } catch (ServiceRefusal refusal) {
        if (refusal.status() != 400) {
          throw refusal;
        }
        return new Asked(null, refusal.detail());
      }
    }
  }

  /** MATAC unless one of the programmes scoring evaluates is asked for. */
  private static String interventionOf(String asked) {
    return asked != null && INTERVENTIONS.contains(asked) ? asked : INTERVENTIONS.get(0);
  }

  private void requireArea(String area) {
    if (!areas.contains(area)) {
      throw new ServiceRefusal(
          null, 404, "There is no area " + area + " in this partnership.", List.of());
    }
  }

  /** The highest-harm groups of perpetrator-victim pairs, when scoring reports pairs at all. */
  private static List<ReferralFigures.Line> pairShares(Map<String, Object> report) {
    return Answers.list(Answers.map(report.get("pairs")).get("highestHarm")).stream()
        .map(
            group ->
                new ReferralFigures.Line(
                    "Highest-harm "
                        + Formats.SHARED.percent(group.get("fractionOfPeople"))
                        + " of pairs ("
                        + group.get("people")
                        + ")",
                    Formats.SHARED.percent(group.get("ofHarm")),
                    ""))
        .toList();
  }

  private static int periodOf(Integer months) {
    return months != null && PERIODS.contains(months) ? months : 12;
  }

  /** Scoring's report for the area over the last {@code months}, up to the start of today. */
  private Map<String, Object> report(String area, int months, SessionToken token) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Instant to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant from = today.minusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();
    return services.get(
        Service.SCORING,
        "/api/v1/reports/harm-concentration?area=" + area + "&from=" + from + "&to=" + to,
        token);
  }

  private static List<LorenzChart.Point> curveOf(Map<String, Object> report) {
    return Answers.list(report.get("lorenz")).stream()
        .map(
            point ->
                new LorenzChart.Point(
                    ((Number) point.get("people")).doubleValue(),
                    ((Number) point.get("harm")).doubleValue()))
        .toList();
  }
}
