package org.matac.support.audit;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * What every evidence report about an area does before it counts anything: it lets only those who
 * may read the area's figures in (analysts and admins, or whoever's token names the area), and it
 * keeps their read as one consultation of the area.
 */
@Singleton
public class AreaReports {

  private final AuditTrail audit;

  public AreaReports(AuditTrail audit) {
    this.audit = audit;
  }

  /** Refuses a reader of another area; otherwise records the read in the caller's transaction. */
  public void consult(Caller reader, String area, String report) {
    if (!reader.readsArea(area)) {
      throw Refused.forbidden("You do not coordinate area " + area + ".");
    }
    audit.record(AuditEntry.reportRead(reader, area, report));
  }

  /**
   * The first instant of the twelve whole calendar months (UTC) before the month of {@code asOf}.
   */
  public static Instant twelveWholeMonthsBefore(Instant asOf) {
    return YearMonth.from(asOf.atOffset(ZoneOffset.UTC))
        .minusMonths(12)
        .atDay(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }
}
