package org.matac.support.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * The TLS and SASL settings of every Kafka client a service makes, taken from its {@code kafka.*}
 * configuration (for example KAFKA_SECURITY_PROTOCOL=SSL and KAFKA_SSL_TRUSTSTORE_LOCATION in the
 * environment). micronaut-kafka hands them to its own consumers; the reliable producer, made by
 * hand, takes them from here, so no client talks to the broker in plain text when TLS is asked for.
 */
public final class KafkaClientSecurity {

  private KafkaClientSecurity() {}

  /**
   * The connection-security entries of the Kafka settings micronaut-kafka gives its own consumers
   * (or of a {@code kafka.*} map), keys without the prefix.
   */
  public static Map<String, Object> from(Map<?, ?> kafkaProperties) {
    Map<String, Object> security = new TreeMap<>();
    kafkaProperties.forEach(
        (key, value) -> {
          String text = key.toString();
          String name = text.startsWith("kafka.") ? text.substring("kafka.".length()) : text;
          if ((name.startsWith("security.") || name.startsWith("ssl.") || name.startsWith("sasl."))
              && value != null
              && !value.toString().isBlank()) {
            security.put(name, value.toString());
          }
        });
    return security;
  }
}
