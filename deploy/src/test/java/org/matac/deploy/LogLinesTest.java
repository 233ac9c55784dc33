package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every service's log configuration as shipped writes one line per event: a value that carries a
 * carriage return or a line feed (a header, a path, a partner's text) cannot start a forged line.
 */
class LogLinesTest {

  @ParameterizedTest
  @ValueSource(strings = {"tracking-service", "scoring-service", "notification-service", "console"})
  void encode_line_breaks_in_any_value_so_no_line_can_be_forged(String module) throws Exception {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(
          Path.of("..", module, "src", "main", "resources", "logback.xml").toFile());
      context
          .getLogger("org.matac.forgery")
          .warn(
              "rejected {}", "a\r\n2026-12-07T00:00:00.000Z ERROR [main] forged - admin signed in");
    } finally {
      context.stop();
      System.setOut(standardOut);
    }

    String output = written.toString(StandardCharsets.UTF_8);
    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("rejected a\\r\\n2026-12-07T00:00:00.000Z ERROR");
  }
}
