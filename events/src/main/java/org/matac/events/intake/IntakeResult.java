package org.matac.events.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.matac.events.FieldError;

/** What intake answers for one envelope: on its own, or as one item of a batch. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IntakeResult(UUID eventId, Status status, List<FieldError> errors) {

  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }
}
