package org.matac.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.matac.events.Topics;

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
        try (Admin admin = Admin.create(kafka.clientSettings(LocalKafka.ADMIN))) {
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
      return LocalInfrastructureTest.producer(kafka, LocalKafka.ADMIN);
    }

    private KafkaConsumer<String, String> consumer(LocalKafka kafka) {
      Properties properties = new Properties();
      properties.putAll(kafka.clientSettings(LocalKafka.ADMIN));
      properties.put("group.id", "restart-check");
      properties.put("auto.offset.reset", "earliest");
      return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class LocalKafkaAccessRules {

    private LocalKafka kafka;

    @BeforeAll
    void start(@TempDir Path log) throws Exception {
      kafka = LocalKafka.start(log, 0);
      try (Admin admin = Admin.create(kafka.clientSettings(LocalKafka.ADMIN))) {
        admin
            .createTopics(
                Topics.ALL.stream().map(name -> new NewTopic(name, 1, (short) 1)).toList())
            .all()
            .get();
      }
    }

    @AfterAll
    void stop() {
      kafka.close();
    }

    @Test
    void lets_a_partner_write_its_own_intake_topic() throws Exception {
      try (KafkaProducer<String, String> police = producer(kafka, "HAMPSHIRE_POLICE")) {
        assertThat(police.send(new ProducerRecord<>(Topics.POLICE_INTAKE, "k", "{}")).get().topic())
            .isEqualTo(Topics.POLICE_INTAKE);
      }
    }

    @Test
    void refuses_a_partner_writing_an_internal_topic() {
      assertWriteRefused("HAMPTON_TRUST", Topics.PERPETRATOR_DISPOSED);
    }

    @Test
    void refuses_a_partner_writing_the_police_intake_topic() {
      assertWriteRefused("SOUTHAMPTON_IDVA", Topics.POLICE_INTAKE);
    }

    @Test
    void refuses_a_service_writing_a_topic_it_neither_owns_nor_consumes() {
      assertWriteRefused("scoring", Topics.SAFETY_WORKER_ASSIGNED);
    }

    private void assertWriteRefused(String account, String topic) {
      try (KafkaProducer<String, String> producer = producer(kafka, account)) {
        assertThatThrownBy(
                () ->
                    producer.send(new ProducerRecord<>(topic, "k", "{}")).get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }
    }

    @Test
    void refuses_a_partner_reading_an_internal_topic() {
      Properties properties = new Properties();
      properties.putAll(kafka.clientSettings("HAMPSHIRE_POLICE"));
      properties.put("group.id", "HAMPSHIRE_POLICE-reader");
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(Topics.PROFILE_CHANGED));
        assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
            .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
      }
    }

    @Test
    void refuses_a_client_without_credentials() {
      try (KafkaProducer<String, String> anonymous =
          new KafkaProducer<>(
              Map.of("bootstrap.servers", kafka.bootstrapServers(), "max.block.ms", 5_000),
              new StringSerializer(),
              new StringSerializer())) {
        assertThatThrownBy(
                () ->
                    anonymous
                        .send(new ProducerRecord<>(Topics.POLICE_INTAKE, "k", "{}"))
                        .get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TimeoutException.class);
      }
    }

    @Test
    void refuses_a_partner_with_the_wrong_password() {
      Map<String, Object> settings = new HashMap<>(kafka.clientSettings("HAMPTON_TRUST"));
      settings.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required"
              + " username=\"HAMPTON_TRUST\" password=\"guessed\";");
      settings.put("max.block.ms", 10_000);
      try (KafkaProducer<String, String> impostor =
          new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
        assertThatThrownBy(
                () ->
                    impostor
                        .send(new ProducerRecord<>(Topics.PARTNER_INTAKE, "k", "{}"))
                        .get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  private static KafkaProducer<String, String> producer(LocalKafka kafka, String account) {
    Map<String, Object> settings = new HashMap<>(kafka.clientSettings(account));
    settings.put("acks", "all");
    return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
  }

  @Nested
  class DevelopmentTokenIssuerServingItsKeys {

    @Test
    void publishes_the_public_key_that_verifies_its_tokens() throws Exception {
      try (DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withEphemeralKey().serveJwks(0)) {
        String token =
            issuer.mint("someone", List.of("ANALYST"), "X", List.of(), Duration.ofMinutes(5));
        var jwks = JWKSet.load(new URL(issuer.jwksUrl()));
        var jwt = SignedJWT.parse(token);
        var key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());

        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
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
