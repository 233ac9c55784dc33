package org.matac.scoring.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites everyone's stored score under the active policy, a page per transaction: after a policy
 * is activated, and every night, because recency decays without any new event. Scores read through
 * the API are always computed live; this keeps the stored ones, and the score-changed messages
 * others act on, in step.
 */
@Singleton
public class Rescoring {

  private static final Logger LOG = LoggerFactory.getLogger(Rescoring.class);

  private final ScoringProfiles scoring;
  private final ExecutorService executor;
  private final Clock clock;
  private final int pageSize;
  private final AtomicBoolean running = new AtomicBoolean();

  public Rescoring(
      ScoringProfiles scoring,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      Clock clock,
      @Value("${matac.scoring.rescore-page-size:500}") int pageSize) {
    this.scoring = scoring;
    this.executor = executor;
    this.clock = clock;
    this.pageSize = pageSize;
  }

  /** Starts a rescore in the background unless one is running; answers whether it started. */
  public boolean start() {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    executor.submit(
        () -> {
          try {
            rescoreEveryone();
          } catch (RuntimeException e) {
            LOG.error("Rescoring stopped before the end; the next run resumes it", e);
          } finally {
            running.set(false);
          }
        });
    return true;
  }

  public boolean isRunning() {
    return running.get();
  }

  @Scheduled(cron = "${matac.scoring.nightly-rescore-cron:0 5 0 * * *}", zoneId = "UTC")
  void nightly() {
    start();
  }

  /** Rescores everyone at one instant; answers how many pages it wrote. */
  int rescoreEveryone() {
    Instant asOf = clock.instant();
    Optional<UUID> after = Optional.empty();
    int pages = 0;
    do {
      after = scoring.rescorePage(after, pageSize, asOf);
      pages++;
    } while (after.isPresent() && !Thread.currentThread().isInterrupted());
    LOG.info("Rescored everyone as of {} in {} pages", asOf, pages);
    return pages;
  }
}
