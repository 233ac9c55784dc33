package org.matac.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureTest {

  @Nested
  class LocalPostgresAcrossARestart {

    @Test
    void keeps_committed_rows_in_its_data_directory(@TempDir Path data) throws Exception {
      try (LocalPostgres postgres =
          LocalPostgres.start(data, 0, LocalPostgres.Durability.DURABLE)) {
        postgres.ensureDatabases(List.of("survivor"));
        execute(postgres, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      }
      try (LocalPostgres postgres =
          LocalPostgres.start(data, 0, LocalPostgres.Durability.DURABLE)) {
        postgres.ensureDatabases(List.of("survivor"));
        try (Connection connection = connect(postgres);
            Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("still here");
        }
      }
    }

    private void execute(LocalPostgres postgres, String sql) throws Exception {
      try (Connection connection = connect(postgres);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    private Connection connect(LocalPostgres postgres) throws Exception {
      return DriverManager.getConnection(
          postgres.jdbcUrl("survivor"), postgres.username(), postgres.password());
    }
  }

  @Nested
  class LocalKafkaAcrossARestart {

    @Test
    void delivers_a_record_written_before_the_restart(@TempDir Path log) throws Exception {
      int port = LocalKafka.freePort();
      try (LocalKafka kafka = LocalKafka.start(log, port)) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
          admin.createTopics(List.of(new NewTopic("restart-check", 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = producer(kafka)) {
          producer.send(new ProducerRecord<>("restart-check", "key", "written before")).get();
        }
      }
      try (LocalKafka kafka = LocalKafka.start(log, port);
          KafkaConsumer<String, String> consumer = consumer(kafka)) {
        consumer.subscribe(List.of("restart-check"));
        ConsumerRecords<String, String> records = ConsumerRecords.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.isEmpty() && System.nanoTime() < deadline) {
          records = consumer.poll(Duration.ofMillis(500));
        }
        assertThat(records).extracting(r -> r.value()).containsExactly("written before");
      }
    }

    private KafkaProducer<String, String> producer(LocalKafka kafka) {
      return new KafkaProducer<>(
          Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
          new StringSerializer(),
          new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(LocalKafka kafka) {
      Properties properties = new Properties();
      properties.put("bootstrap.servers", kafka.bootstrapServers());
      properties.put("group.id", "restart-check");
      properties.put("auto.offset.reset", "earliest");
      return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
  }

  @Nested
  class DevelopmentTokenIssuerServingItsKeys {

    @Test
    void publishes_the_public_key_that_verifies_its_tokens() throws Exception {
      try (DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withEphemeralKey().serveJwks(0)) {
        String token =
            issuer.mint("someone", List.of("ANALYST"), "X", List.of(), Duration.ofMinutes(5));
        var jwks = com.nimbusds.jose.jwk.JWKSet.load(new java.net.URL(issuer.jwksUrl()));
        var jwt = com.nimbusds.jwt.SignedJWT.parse(token);
        var key = (com.nimbusds.jose.jwk.RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ANALYST");
      }
    }

    @Test
    void mints_a_sign_in_token_for_the_synthetic_user_a_form_names() throws Exception {
      try (DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withEphemeralKey().serveJwks(0)) {
        var response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(issuer.tokensUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "sub=caseworker-1&roles=CASEWORKER&agency=HAMPTON_TRUST"
                                    + "&areas=SOUTHAMPTON%2CPORTSMOUTH"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());

        var claims = SignedJWT.parse(response.body()).getJWTClaimsSet();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims.getSubject()).isEqualTo("caseworker-1");
        assertThat(claims.getStringListClaim("areas")).containsExactly("SOUTHAMPTON", "PORTSMOUTH");
        assertThat(claims.getStringClaim("agency")).isEqualTo("HAMPTON_TRUST");
      }
    }

    @Test
    void refuses_a_sign_in_without_roles() throws Exception {
      try (DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withEphemeralKey().serveJwks(0)) {
        var response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(issuer.tokensUrl()))
                        .POST(HttpRequest.BodyPublishers.ofString("sub=someone"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
      }
    }
  }
}
