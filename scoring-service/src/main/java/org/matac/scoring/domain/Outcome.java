package org.matac.scoring.domain;

import java.util.Optional;
import java.util.function.Function;

/** What a command gives: its result, or the rule's refusal. */
public final class Outcome<T> {

  private final T result;
  private final Refusal refusal;

  private Outcome(T result, Refusal refusal) {
    this.result = result;
    this.refusal = refusal;
  }

  public static <T> Outcome<T> of(T result) {
    return new Outcome<>(result, null);
  }

  public static <T> Outcome<T> refused(Refusal refusal) {
    return new Outcome<>(null, refusal);
  }

  public Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The result, or what {@code whenRefused} makes of the refusal, thrown. */
  public <X extends RuntimeException> T orElseThrow(Function<Refusal, X> whenRefused) {
    if (refusal != null) {
      throw whenRefused.apply(refusal);
    }
    return result;
  }
}
