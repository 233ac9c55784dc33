package org.matac.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

  @Test
  void takes_the_tls_and_sasl_settings_and_nothing_else() {
    Map<String, Object> security =
        KafkaClientSecurity.from(
            Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.ssl.truststore.location", "/etc/matac/kafka-truststore.p12",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.bootstrap.servers", "broker:9093",
                "kafka.consumers.default.max.poll.records", "200"));

    assertThat(security)
        .containsOnlyKeys("security.protocol", "ssl.truststore.location", "sasl.mechanism")
        .containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void leaves_out_settings_given_blank() {
    assertThat(KafkaClientSecurity.from(Map.of("kafka.ssl.keystore.location", " "))).isEmpty();
  }
}
