package org.matac.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An area's MATAC measures beside its offending ones ({@link PartnershipMeasures}): who was taken
 * on, who was in it and who left, and the actions agreed and overdue, per month and over the
 * twelve, with the same suppression; and two breakdowns over the twelve months.
 */
public final class TaskingMeasures {

  private TaskingMeasures() {}

  private static final Set<String> FINISHED = Set.of("COMPLETED", "NOT_ACHIEVED");

  /** A count within a breakdown of the twelve months. */
  public record Share(String table, String label, PartnershipMeasures.Cell count) {}

  private enum Measure {
    TAKEN_ON(
        "People taken on",
        "people",
        "Different people a published list took on into MATAC in the period (not those it kept"
            + " on)."),
    IN_MATAC(
        "People in MATAC at the end",
        "people",
        "People taken on before the period's end and not discharged by then."),
    LEFT(
        "People who left MATAC",
        "people",
        "Different people discharged from MATAC in the period, for any reason."),
    ACTIONS_AGREED(
        "Actions agreed", "actions", "Actions agreed for people in MATAC in the period."),
    ACTIONS_OVERDUE(
        "Actions overdue at the end",
        "actions",
        "Actions agreed before the period's end, due on or before its last day, and neither completed"
            + " nor closed as not achieved by its end (an action whose last change closed it after"
            + " the end counts as still open then).");

    private final PartnershipMeasures.Definition definition;

    Measure(String label, String unit, String text) {
      this.definition = new PartnershipMeasures.Definition(label, unit, text);
    }
  }

  public static List<PartnershipMeasures.Row> rows(
      List<YearMonth> months, List<MembershipSpell> spells, List<MatacAction> actions) {
    List<PartnershipMeasures.Row> rows = new ArrayList<>();
    Instant first = PartnershipMeasures.start(months.get(0));
    Instant last = PartnershipMeasures.start(months.get(months.size() - 1).plusMonths(1));
    for (Measure measure : Measure.values()) {
      List<PartnershipMeasures.Cell> cells = new ArrayList<>();
      for (YearMonth month : months) {
        cells.add(
            PartnershipMeasures.Cell.of(
                count(
                    measure,
                    PartnershipMeasures.start(month),
                    PartnershipMeasures.start(month.plusMonths(1)),
                    spells,
                    actions)));
      }
      rows.add(
          measure.definition.row(
              measure.name(),
              cells,
              PartnershipMeasures.Cell.of(count(measure, first, last, spells, actions))));
    }
    return rows;
  }

  /**
   * Over the twelve months: the actions agreed by agency and by status now, and the people who left
   * by the reason given (reasons compared without regard to case or surrounding spaces).
   */
  public static List<Share> breakdowns(
      List<YearMonth> months, List<MembershipSpell> spells, List<MatacAction> actions) {
    Instant first = PartnershipMeasures.start(months.get(0));
    Instant last = PartnershipMeasures.start(months.get(months.size() - 1).plusMonths(1));
    List<MatacAction> agreed =
        actions.stream().filter(action -> within(action.createdAt(), first, last)).toList();
    List<Share> shares = new ArrayList<>();
    countBy(agreed, MatacAction::agency)
        .forEach((agency, count) -> shares.add(share("Actions agreed, by agency", agency, count)));
    countBy(agreed, MatacAction::status)
        .forEach(
            (status, count) -> shares.add(share("Actions agreed, by status now", status, count)));
    List<MembershipSpell> left =
        spells.stream()
            .filter(spell -> spell.dischargedAt().filter(at -> within(at, first, last)).isPresent())
            .toList();
    countBy(left, spell -> spell.dischargeReason().orElse("").trim().toLowerCase(Locale.UK))
        .forEach((reason, count) -> shares.add(share("People who left, by reason", reason, count)));
    return shares;
  }

  private static Share share(String table, String label, long count) {
    return new Share(table, label, PartnershipMeasures.Cell.of((int) count));
  }

  private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  private static int count(
      Measure measure,
      Instant from,
      Instant to,
      List<MembershipSpell> spells,
      List<MatacAction> actions) {
    return switch (measure) {
      case TAKEN_ON -> people(spells, spell -> within(spell.approvedAt(), from, to));
      case IN_MATAC -> people(spells, spell -> spell.activeAt(to));
      case LEFT ->
          people(
              spells, spell -> spell.dischargedAt().filter(at -> within(at, from, to)).isPresent());
      case ACTIONS_AGREED ->
          (int) actions.stream().filter(action -> within(action.createdAt(), from, to)).count();
      case ACTIONS_OVERDUE ->
          (int) actions.stream().filter(action -> overdueAt(action, to)).count();
    };
  }

  private static boolean overdueAt(MatacAction action, Instant end) {
    LocalDate endDate = end.atOffset(ZoneOffset.UTC).toLocalDate();
    boolean openThen =
        !FINISHED.contains(action.status())
            || (action.updatedAt() != null && !action.updatedAt().isBefore(end));
    return action.createdAt().isBefore(end) && action.dueDate().isBefore(endDate) && openThen;
  }

  private static int people(List<MembershipSpell> spells, Predicate<MembershipSpell> counted) {
    return (int)
        spells.stream().filter(counted).map(MembershipSpell::perpetratorId).distinct().count();
  }

  private static boolean within(Instant at, Instant from, Instant to) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
