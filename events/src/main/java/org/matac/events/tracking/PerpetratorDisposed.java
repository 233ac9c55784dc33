package org.matac.events.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published on {@code tracking.perpetrator-disposed.v1}, keyed by the disposed profile's id, when a
 * retention review decides to dispose of a person: every service hard-deletes what it holds about
 * {@code disposedIds} (the profile and every profile merged into it) and refuses to hold it again.
 * It carries identifiers only, never the disposed data.
 */
public record PerpetratorDisposed(
    UUID messageId, String perpetratorId, List<String> disposedIds, Instant disposedAt) {}
