package org.matac.support.kafka;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Internal topics carry nothing a dead letter may not keep. */
@Singleton
@Secondary
public class KeptAsReceived implements DeadLetterValues {

  @Override
  public byte[] kept(String originalTopic, byte[] value) {
    return value;
  }
}
