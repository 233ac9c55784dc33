package org.matac.scoring.domain;

import java.time.Instant;

/** A person's score as it stood once: under which policy, at which instant, with its flags. */
public record ScoreHistoryEntry(String policyId, Instant asOf, int total, Score.Flags flags) {}
