package org.matac.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One victim a worker is assigned to, with the perpetrators that links them to. */
public record CaseloadEntry(
    String victimSource, String victimRef, Instant assignedAt, List<UUID> perpetratorIds) {}
