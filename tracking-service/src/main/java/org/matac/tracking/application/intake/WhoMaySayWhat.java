package org.matac.tracking.application.intake;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.matac.events.FieldError;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.WhoAssignsWorkers;
import org.matac.tracking.persistence.PartnerRecordStore;

/**
 * Whether the sending agency may say what a valid envelope says. Checked on every channel before
 * anything is stored: HTTP answers a refusal with 403, a batch item with REJECTED, and Kafka
 * dead-letters it.
 */
@Singleton
public class WhoMaySayWhat {

  private final PartnerRecordStore records;

  public WhoMaySayWhat(PartnerRecordStore records) {
    this.records = records;
  }

  /** Why {@code event}'s source may not send it, if it may not. */
  @Transactional
  public Optional<FieldError> refusal(PartnerEvent event) {
    return switch (event.type()) {
      case SAFETY_WORKER_ASSIGNED ->
          WhoAssignsWorkers.assignment(event.source(), event.payload().text("workerAgency", ""));
      case SAFETY_WORKER_UNASSIGNED -> {
        String workerId = event.payload().text("workerId", "");
        yield WhoAssignsWorkers.unassignment(
            event.source(), workerId, records.agenciesThatAssigned(workerId));
      }
      default -> Optional.empty();
    };
  }
}
