package org.matac.events.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** A person as the sending system knows them. Only {@code sourcePersonId} is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedPerson(
    String sourcePersonId,
    String pncId,
    String givenName,
    String familyName,
    LocalDate dateOfBirth) {}
