package org.matac.events.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published on {@code scoring.tasking-list-published.v1} once per person approved on a published
 * MATAC tasking list, keyed by that person's perpetrator id like every internal topic; {@code
 * listSize} says how many messages the list was published as.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskingListPublished(
    UUID messageId,
    UUID cycleId,
    String area,
    LocalDate cycleDate,
    Instant publishedAt,
    String publishedBy,
    String policyId,
    String perpetratorId,
    String entryKind,
    Integer rank,
    int total,
    int listSize) {}
