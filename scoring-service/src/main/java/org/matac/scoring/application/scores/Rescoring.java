package org.matac.scoring.application.scores;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.matac.support.schedule.OncePerCluster;
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

  private final RescoringPages onePage;
  private final ExecutorService executor;
  private final Clock clock;
  private final int pageSize;
  private final int ranges;
  private final AtomicBoolean running = new AtomicBoolean();
  private final OncePerCluster once;

  public Rescoring(
      RescoringPages onePage,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      Clock clock,
      OncePerCluster once,
      @Value("${matac.scoring.rescore-page-size:500}") int pageSize,
      @Value("${matac.scoring.rescore-ranges:2}") int ranges) {
    this.once = once;
    this.ranges = ranges;
    this.onePage = onePage;
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
    startTonightsRescore();
  }

  /**
   * Starts tonight's rescore on this instance unless another instance, or this one, already started
   * it: every instance fires the same schedule. Answers whether it started.
   */
  boolean startTonightsRescore() {
    Instant now = clock.instant();
    String night = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    return once.claim("nightly-rescore", night, now) && start();
  }

  /**
   * Rescores everyone at one instant; answers how many pages it wrote. The ids are split into
   * ranges rescored side by side, so that one range's database writes overlap another's scoring.
   */
  int rescoreEveryone() {
    Instant asOf = clock.instant();
    List<Optional<UUID>> bounds = bounds(ranges);
    List<Future<Integer>> running = new ArrayList<>();
    for (int i = 0; i < ranges; i++) {
      Optional<UUID> from = bounds.get(i);
      Optional<UUID> to = bounds.get(i + 1);
      running.add(executor.submit(() -> rescoreRange(from, to, asOf)));
    }
    int pages = 0;
    try {
      for (Future<Integer> range : running) {
        pages += range.get();
      }
    } catch (InterruptedException e) {
      running.forEach(range -> range.cancel(true));
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      running.forEach(range -> range.cancel(true));
      throw new IllegalStateException("A range of the rescore failed", e.getCause());
    }
    LOG.info("Rescored everyone as of {} in {} pages", asOf, pages);
    return pages;
  }

  private int rescoreRange(Optional<UUID> from, Optional<UUID> to, Instant asOf) {
    Optional<UUID> after = from;
    int pages = 0;
    do {
      after = onePage.rescorePage(after, to, pageSize, asOf);
      pages++;
    } while (after.isPresent() && !Thread.currentThread().isInterrupted());
    return pages;
  }

  /**
   * {@code count} equal ranges of the id space, as the bounds between them (empty at both ends). A
   * bound's low half is zero, which no random (version 4) id has, its variant bits being 10: no
   * perpetrator id equals a bound, so the ranges' exclusive ends lose nobody.
   */
  static List<Optional<UUID>> bounds(int count) {
    List<Optional<UUID>> bounds = new ArrayList<>();
    bounds.add(Optional.empty());
    long step = Long.divideUnsigned(-1L, count) + 1;
    for (int i = 1; i < count; i++) {
      bounds.add(Optional.of(new UUID(step * i, 0L)));
    }
    bounds.add(Optional.empty());
    return bounds;
  }
}
