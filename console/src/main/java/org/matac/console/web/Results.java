package org.matac.console.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The answer of a call made in parallel, with its refusal rethrown as if it were made here. */
final class Results {

  private Results() {}

  static <T> T of(CompletableFuture<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a service", e);
    } catch (ExecutionException | CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }
}
