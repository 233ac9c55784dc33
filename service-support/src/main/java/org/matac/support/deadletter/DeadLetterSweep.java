package org.matac.support.deadletter;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.matac.support.kafka.DeadLetterValues;
import org.matac.support.kafka.KeptAsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters kept before their values were cleaned on the way in may still hold what must never
 * be kept (tracking: victims' contact details in partners' envelopes). At every start the service
 * passes its kept dead letters through its own {@link DeadLetterValues} again and stores what is
 * left; a value already clean is not touched, so the sweep finds nothing after the first.
 */
@Singleton
public class DeadLetterSweep {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSweep.class);
  private static final int PAGE = 500;

  private final DeadLetterStore store;
  private final DeadLetterValues values;

  public DeadLetterSweep(DeadLetterStore store, DeadLetterValues values) {
    this.store = store;
    this.values = values;
  }

  @EventListener
  void onStartup(StartupEvent started) {
    int cleaned = sweep();
    if (cleaned > 0) {
      LOG.warn("Took what must not be kept out of {} dead letters kept before it was", cleaned);
    }
  }

  /** Cleans every kept dead letter; answers how many had to change. */
  @Transactional
  public int sweep() {
    if (values instanceof KeptAsReceived) {
      return 0;
    }
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
