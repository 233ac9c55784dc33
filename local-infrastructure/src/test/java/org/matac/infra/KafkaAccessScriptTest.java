package org.matac.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** deploy/compose/kafka-access.sh: the broker rules an operator applies with Kafka's own tools. */
class KafkaAccessScriptTest {

  private static final Path COMMITTED =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("deploy")
          .resolve("compose")
          .resolve("kafka-access.sh");

  @Test
  void is_exactly_what_the_rules_the_local_broker_enforces_generate() throws Exception {
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(
            "deploy/compose/kafka-access.sh differs from KafkaAccess: regenerate it with"
                + " KafkaAccessScript (see its documentation)")
        .isEqualTo(KafkaAccessScript.script());
  }

  @Test
  void gives_every_account_its_credential_and_one_allow_line_per_resource_it_may_use() {
    String script = KafkaAccessScript.script();

    for (KafkaAccess.Account account : KafkaAccess.services()) {
      assertThat(script).contains("credential " + account.name() + " \"$");
      long resources = account.rules().stream().map(rule -> rule.pattern()).distinct().count();
      assertThat(
              script.lines().filter(line -> line.startsWith("allow User:" + account.name() + " ")))
          .hasSize((int) resources);
    }
    assertThat(script)
        .contains("allow User:HAMPSHIRE_POLICE --operation Write --operation Describe --topic")
        .doesNotContain("User:HAMPSHIRE_POLICE --operation Read");
  }

  @Test
  void is_a_script_the_shell_accepts() throws Exception {
    Process check = new ProcessBuilder("sh", "-n", COMMITTED.toString()).start();

    assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue())
        .as(new String(check.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
  }
}
