package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.matac.notification.domain.AcknowledgementTimes;
import org.matac.notification.persistence.NotificationStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * How quickly an area's notices were acknowledged over the twelve whole months before {@code asOf},
 * for the partnership's measures: figures about groups of notices, never a notice.
 */
@Singleton
public class AcknowledgementMeasures {

  private final NotificationStore notices;
  private final AuditTrail audit;

  public AcknowledgementMeasures(NotificationStore notices, AuditTrail audit) {
    this.notices = notices;
    this.audit = audit;
  }

  public record Report(String area, Instant asOf, AcknowledgementTimes.Report times) {}

  @Transactional
  public Report of(String area, Instant asOf, Caller reader) {
    if (!reader.readsArea(area)) {
      throw Refused.forbidden("You do not coordinate area " + area + ".");
    }
    audit.record(AuditEntry.reportRead(reader, area, "acknowledgement times as of " + asOf));
    Instant from =
        YearMonth.from(asOf.atOffset(ZoneOffset.UTC))
            .minusMonths(12)
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    return new Report(area, asOf, AcknowledgementTimes.of(notices.noticesIn(area, from), asOf));
  }
}
