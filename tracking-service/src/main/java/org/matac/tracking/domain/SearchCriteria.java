package org.matac.tracking.domain;

import java.time.LocalDate;
import java.util.List;

/** What a search may ask for; absent criteria match everyone. */
public record SearchCriteria(
    List<String> nameParts, LocalDate dateOfBirth, String pncId, String area) {}
