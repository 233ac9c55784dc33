package org.matac.support.kafka;

/** The broker did not acknowledge a record in time: an outage, not a fault of the record. */
public class BrokerUnavailable extends RuntimeException {

  public BrokerUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
