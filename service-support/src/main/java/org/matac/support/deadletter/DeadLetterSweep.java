package org.matac.support.deadletter;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.kafka.DeadLetterValues;
import org.matac.support.kafka.KeptAsReceived;
import org.matac.support.schedule.OncePerCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters kept before their values were cleaned on the way in may still hold what must never
 * be kept (tracking: victims' contact details in partners' envelopes). Once per database, at the
 * first start of a version that has this sweep, the service passes its kept dead letters through
 * its own {@link DeadLetterValues} again and stores what is left; a value already clean is not
 * touched. Letters kept since are cleaned on the way in, so the sweep is not run again.
 */
@Singleton
public class DeadLetterSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSweep.class);
  private static final int PAGE = 500;

  private final DeadLetterStore store;
  private final DeadLetterValues values;
  private final OncePerCluster once;
  private final Clock clock;

  public DeadLetterSweep(
      DeadLetterStore store, DeadLetterValues values, OncePerCluster once, Clock clock) {
    this.store = store;
    this.values = values;
    this.once = once;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void onStartup(StartupEvent started) {
    if (values instanceof KeptAsReceived
        || !once.claim("dead-letter-sweep", "values-cleaned-on-the-way-in", clock.instant())) {
      return;
    }
    int cleaned = sweep();
    if (cleaned > 0) {
      LOG.warn("Took what must not be kept out of {} dead letters kept before it was", cleaned);
    }
  }

  /** Cleans every kept dead letter; answers how many had to change. */
  @Transactional
  public int sweep() {
    int cleaned = 0;
    Optional<UUID> after = Optional.empty();
    List<DeadLetterStore.KeptValue> page;
    do {
      page = store.valuesAfter(after, PAGE);
      for (DeadLetterStore.KeptValue kept : page) {
        byte[] clean = values.kept(kept.originalTopic(), kept.value());
        if (!Arrays.equals(clean, kept.value())) {
          store.replaceValue(kept.id(), clean);
          cleaned++;
        }
      }
      after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).id());
    } while (page.size() == PAGE);
    return cleaned;
  }
}
