package org.matac.tracking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a profile must be reviewed for retention: a configured period after the last record a
 * partner recorded about the person, or later if a reviewer decided to keep it until a date. Dates
 * are UTC calendar days; a period from 29 February lands on 28 February, as PostgreSQL adds it.
 */
public record RetentionRule(Period reviewAfter) {

  /** Why a profile is disposed of; only the first needs its review to be due. */
  public enum DisposalBasis {
    /** The review is due and nothing justifies keeping the data (DPA 2018 s.39). */
    RETENTION_PERIOD_ENDED,
    /** The data must be erased now, whatever its review date (DPA 2018 s.47). */
    ERASURE_REQUIRED
  }

  public RetentionRule {
    if (reviewAfter.isNegative() || reviewAfter.isZero()) {
      throw new IllegalArgumentException("The retention review period must be positive.");
    }
  }

  public LocalDate reviewDueOn(Instant lastRecordedAt, Optional<LocalDate> keptUntil) {
    LocalDate byRecords = lastRecordedAt.atZone(ZoneOffset.UTC).toLocalDate().plus(reviewAfter);
    return keptUntil.filter(kept -> kept.isAfter(byRecords)).orElse(byRecords);
  }

  public boolean isDue(LocalDate reviewDueOn, LocalDate today) {
    return !reviewDueOn.isAfter(today);
  }

  /** A decision to keep sets the next review a full period ahead unless it names a date. */
  public LocalDate keptUntil(Optional<LocalDate> requested, LocalDate today) {
    return requested.orElse(today.plus(reviewAfter));
  }

  /**
   * Why a requested next review date cannot stand, if it cannot: it must be after today and no
   * further than one review period ahead, so nothing is kept without review for longer than the
   * rule allows.
   */
  public Optional<String> problemWithKeepingUntil(LocalDate requested, LocalDate today) {
    if (!requested.isAfter(today)) {
      return Optional.of("must be after today (" + today + ")");
    }
    LocalDate furthest = today.plus(reviewAfter);
    if (requested.isAfter(furthest)) {
      return Optional.of(
          "must be no later than "
              + furthest
              + ", one review period ("
              + reviewAfter
              + ") from today");
    }
    return Optional.empty();
  }
}
