package org.matac.console.domain;

import java.util.List;

/**
 * The meeting pack as CSV: one row per agreed action (or one row for a person without actions), so
 * partners can sort and filter it in a spreadsheet.
 */
public final class MeetingPack {

  public static final List<String> HEADER =
      List.of(
          "Rank",
          "Name",
          "Score",
          "Entry",
          "Decision",
          "Decision reason",
          "Decided by",
          "Action",
          "Tactic",
          "Agency",
          "Owner",
          "Due",
          "Status");

  private MeetingPack() {}

  public static String csv(List<List<String>> rows) {
    return Csv.of(HEADER, rows);
  }
}
