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
 * {@link AtLeastOnceListener}'s guarantees for a listener that takes a poll's records together, so
 * that a backfill pays one transaction and one offset commit per batch instead of per record. The
 * offsets are committed only after the listener returned; the listener handles each record's own
 * failure itself (see tracking's PartnerEventListener), and anything it throws has the batch read
 * again from its first record, which idempotent consumers absorb.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(
    offsetReset = OffsetReset.EARLIEST,
    batch = true,
    offsetStrategy = OffsetStrategy.SYNC,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_CONDITIONALLY_ON_ERROR,
            // Retried while DeadLetteringListener says it passes (an outage): without end, since
            // giving up would skip valid records. The delay pauses the partitions, not the poll
            // loop, so a long outage never exceeds max.poll.interval.ms.
            retryCount = Integer.MAX_VALUE,
            retryDelay = "1s",
            handleAllExceptions = true))
public @interface AtLeastOnceBatchListener {

  /** The consumer group: it keeps the committed offsets across restarts, so it never changes. */
  @AliasFor(annotation = KafkaListener.class, member = "groupId")
  String groupId();

  /**
   * Consumer threads in each instance, as a number or a property placeholder: each thread owns some
   * of the topic's partitions, so one person's messages stay in order.
   */
  @AliasFor(annotation = KafkaListener.class, member = "threadsValue")
  String threads() default "1";
}
