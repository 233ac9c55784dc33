package org.matac.events.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * Published on {@code scoring.foundation-list-published.v1} once per person on a published Project
 * Foundation list, keyed by perpetrator id; tracking-service turns each into a referral for the
 * perpetrator-programme agency. {@code listSize} says how many messages the list was published as.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FoundationListPublished(
    UUID messageId,
    UUID publicationId,
    String area,
    Instant asOf,
    Instant publishedAt,
    String publishedBy,
    String policyId,
    String perpetratorId,
    int rank,
    int listSize) {}
