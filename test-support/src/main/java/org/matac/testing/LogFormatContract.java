package org.matac.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The service's logback.xml, as a force's log collector and a developer each read its output: run
 * by each service (and the console) against its own configuration.
 */
public abstract class LogFormatContract {

  /**
   * What one warning looks like when the service's configuration is read with that format: the
   * event encoded by the console appender that configuration chose, without writing it anywhere
   * (standard output is shared with every other thread of the test run).
   */
  private static final String CORRELATION = "4f1c2a9e-0000-4000-8000-000000000001";

  private static String logged(String format) throws JoranException {
    return logged(format, true);
  }

  private static String logged(String format, boolean correlated) throws JoranException {
    return logged(format, correlated, new IllegalStateException("why"));
  }

  @SuppressWarnings("unchecked")
  private static String logged(String format, boolean correlated, Throwable thrown)
      throws JoranException {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    try {
      if (format != null) {
        context.putProperty("MATAC_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatContract.class.getResource("/logback.xml"));
      Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      OutputStreamAppender<ILoggingEvent> console =
          (OutputStreamAppender<ILoggingEvent>) root.iteratorForAppenders().next();
      if (correlated) {
        MDC.put("correlationId", CORRELATION);
      }
      LoggingEvent event =
          new LoggingEvent(
              Logger.class.getName(),
              context.getLogger("org.matac.Example"),
              Level.WARN,
              "Refused {}: \"bad\"\nsecond line",
              thrown,
              new Object[] {"envelope"});
      return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
    } finally {
      MDC.clear();
      context.stop();
    }
  }

  @Test
  void in_json_writes_each_event_as_one_json_object_with_its_level_message_context_and_exception()
      throws Exception {
    String output = logged("json");

    assertThat(output.lines()).hasSize(1);
    JsonNode event = new ObjectMapper().readTree(output);
    assertThat(event.path("level").asText()).isEqualTo("WARN");
    assertThat(event.path("loggerName").asText()).isEqualTo("org.matac.Example");
    assertThat(event.path("formattedMessage").asText())
        .isEqualTo("Refused envelope: \"bad\"\nsecond line");
    assertThat(event.path("mdc").path("correlationId").asText()).isEqualTo(CORRELATION);
    assertThat(event.path("throwable").path("message").asText()).isEqualTo("why");
  }

  @Test
  void in_text_by_default_writes_the_message_on_one_line_with_its_newlines_escaped()
      throws Exception {
    String output = logged(null, false);

    assertThat(output.lines().findFirst().orElseThrow())
        .contains("WARN")
        .endsWith("org.matac.Example - Refused envelope: \"bad\"\\nsecond line");
  }

  @Test
  void in_text_writes_the_correlation_id_after_the_loggers_name() throws Exception {
    String output = logged(null, true);

    assertThat(output.lines().findFirst().orElseThrow())
        .contains("org.matac.Example " + CORRELATION + " - Refused envelope");
  }

  @Test
  void in_text_escapes_the_newlines_of_an_exceptions_message_and_keeps_its_stack_frames()
      throws Exception {
    String forged = "2026-01-01T00:00:00.000Z ERROR [main] org.matac.Forged - forged line";
    String output =
        logged(
            null,
            false,
            new IllegalStateException(
                "refused value 'x\r\n" + forged + "'",
                new IllegalArgumentException("cause\n" + forged)));

    assertThat(output.lines()).noneMatch(line -> line.startsWith(forged));
    assertThat(output).contains("x\\r\\n" + forged).contains("\tat ").contains("Caused by: ");
  }
}
