package org.matac.tracking.domain;

import java.time.Instant;
import java.util.Optional;

/** What a caseworker narrows the queue by; an empty filter passes every referral. */
public record ReferralFilter(
    Optional<String> status,
    Optional<String> area,
    Optional<String> pathway,
    Optional<String> referringAgency,
    Optional<Instant> receivedBefore) {}
