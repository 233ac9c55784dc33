package org.matac.events;

/**
 * Headers on every dead-lettered record. They carry the reason and where the record came from,
 * never personal data: the value is the original record, byte for byte, so that it can be replayed.
 */
public final class DeadLetterHeaders {
  public static final String REASON = "dlt-reason";
  public static final String ERRORS = "dlt-errors";
  public static final String ORIGINAL_TOPIC = "dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "dlt-original-offset";
  public static final String DEAD_LETTERED_AT = "dlt-dead-lettered-at";

  private DeadLetterHeaders() {}
}
