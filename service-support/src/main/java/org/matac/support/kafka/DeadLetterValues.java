package org.matac.support.kafka;

/**
 * What of a failed record's value a dead letter keeps. A service whose inbound records may carry
 * what must never be stored (tracking: victims' contact details in partners' envelopes) provides
 * its own; otherwise the value is kept as received.
 */
public interface DeadLetterValues {

  /** The value to keep of a record read from {@code originalTopic}; null stays null. */
  byte[] kept(String originalTopic, byte[] value);
}
