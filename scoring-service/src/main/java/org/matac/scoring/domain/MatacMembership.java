package org.matac.scoring.domain;

import java.util.UUID;

/** A person active in MATAC in an area, from the cycle that took them on and their score then. */
public record MatacMembership(UUID perpetratorId, String area, UUID cycleId, int entryTotal) {}
