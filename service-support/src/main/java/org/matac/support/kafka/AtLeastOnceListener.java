package org.matac.support.kafka;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Kafka listener with the delivery settings of docs/adr/0002, decided once for every service.
 * micronaut-kafka's defaults would lose records: a new group starting at LATEST, a failed record
 * skipped, offsets committed on a timer. Here a group starts at the earliest offset, each offset is
 * committed only after its record was handled, a record that fails because the database or the
 * broker is out of reach is retried until they are back, and one that fails on its own content is
 * handed to the listener's {@link DeadLetteringListener#handle} to be dead-lettered.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_CONDITIONALLY_ON_ERROR,
            // Retried while DeadLetteringListener says it passes (an outage): without end, since
            // giving up would skip valid records. The delay pauses the partitions, not the poll
            // loop, so a long outage never exceeds max.poll.interval.ms.
            retryCount = Integer.MAX_VALUE,
            retryDelay = "1s",
            handleAllExceptions = true))
public @interface AtLeastOnceListener {

  /** The consumer group: it keeps the committed offsets across restarts, so it never changes. */
  @AliasFor(annotation = KafkaListener.class, member = "groupId")
  String groupId();
}
