package org.matac.scoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One action of a person's MATAC action plan: which agency does what, by when, and how far it got;
 * {@code version} counts changes, so a change based on a stale read can be refused.
 */
public record MatacAction(
    UUID id,
    UUID perpetratorId,
    String area,
    UUID cycleId,
    String agency,
    String tactic,
    String description,
    String owner,
    LocalDate dueDate,
    String status,
    int version,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    String notes) {}
