package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.matac.notification.domain.AcknowledgementTimes;
import org.matac.notification.persistence.NotificationStore;
import org.matac.support.audit.AreaReports;
import org.matac.support.security.Caller;

/**
 * How quickly an area's notices were acknowledged over the twelve whole months before {@code asOf},
 * for the partnership's measures: figures about groups of notices, never a notice.
 */
@Singleton
public class AcknowledgementMeasures {

  private final NotificationStore notices;
  private final AreaReports reports;

  public AcknowledgementMeasures(NotificationStore notices, AreaReports reports) {
    this.notices = notices;
    this.reports = reports;
  }

  public record Report(String area, Instant asOf, AcknowledgementTimes.Report times) {}

  @Transactional
  public Report of(String area, Instant asOf, Caller reader) {
    reports.consult(reader, area, "acknowledgement times as of " + asOf);
    Instant from = AreaReports.twelveWholeMonthsBefore(asOf);
    return new Report(area, asOf, AcknowledgementTimes.of(notices.noticesIn(area, from), asOf));
  }
}
