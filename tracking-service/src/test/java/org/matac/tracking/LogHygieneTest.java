package org.matac.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matac.events.Topics;
import org.matac.testing.Envelopes;
import org.slf4j.LoggerFactory;

/**
 * No personal data and no tokens in the service's logs, with everything logging at DEBUG and its
 * own code at TRACE: markers planted in names, victim contact details and tokens must appear in no
 * log line, whether the event is accepted, refused over HTTP, dead-lettered from Kafka or sent with
 * a bad token. The one exception is pinned in production's logback.xml and here alike:
 * io.micronaut.security never logs below INFO, because its DEBUG output prints whole tokens.
 */
@MicronautTest(transactional = false)
class LogHygieneTest extends TrackingServiceTestBase {

  private static final String NAME_MARKER = "Lognamemarker";
  private static final String ADDRESS_MARKER = "LOG-ADDRESS-MARKER-1 Hidden Street";

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Map<String, Level> levelsBefore = new HashMap<>();

  private void setLevel(String name, Level level) {
    Logger logger = (Logger) LoggerFactory.getLogger(name);
    levelsBefore.putIfAbsent(name, logger.getLevel());
    logger.setLevel(level);
  }

  @BeforeAll
  void captureEveryLine() {
    captured.start();
    root.addAppender(captured);
    setLevel(Logger.ROOT_LOGGER_NAME, Level.DEBUG);
    setLevel("io.micronaut", Level.DEBUG);
    setLevel("org.matac", Level.TRACE);
    setLevel("io.micronaut.security", Level.INFO);
    setLevel("io.micronaut.context.event", Level.INFO);
  }

  @AfterAll
  void stopCapturing() {
    levelsBefore.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    root.detachAppender(captured);
  }

  /** A copy taken under the appender's own lock: other threads keep logging meanwhile. */
  private List<ILoggingEvent> linesSoFar() {
    synchronized (captured) {
      return new ArrayList<>(captured.list);
    }
  }

  private String everythingLogged() {
    return linesSoFar().stream()
        .map(
            event ->
                event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void hold_no_names_contact_details_or_tokens_whatever_happens_to_an_event() throws Exception {
    String token = partnerToken(POLICE);
    var accepted =
        Envelopes.incident().named(NAME_MARKER, NAME_MARKER).withVictimAddress(ADDRESS_MARKER);
    assertThat(postEvent(accepted.json(), token).code()).isEqualTo(202);
    var refused =
        Envelopes.incident()
            .named(NAME_MARKER, NAME_MARKER)
            .withVictimAddress(ADDRESS_MARKER)
            .withOffence("NOT_A_CATEGORY");
    assertThat(postEvent(refused.json(), token).code()).isEqualTo(400);
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    assertThat(postEvent(accepted.json(), forged).code()).isEqualTo(401);
    var deadLettered =
        Envelopes.incident()
            .named(NAME_MARKER, NAME_MARKER)
            .withVictimAddress(ADDRESS_MARKER)
            .withOffence("NOT_A_CATEGORY");
    topics.send(Topics.POLICE_INTAKE, deadLettered.sourcePersonId, deadLettered.json());
    topics.readUntil(
        Topics.INTAKE_DEAD_LETTER,
        record -> record.value().contains(deadLettered.eventId),
        Duration.ofSeconds(30));

    String logs = everythingLogged();

    assertThat(linesSoFar()).as("the service logged while this ran").hasSizeGreaterThan(10);
    for (String secret :
        List.of(
            NAME_MARKER,
            ADDRESS_MARKER,
            "00000 000000",
            accepted.victimRef,
            token,
            forged,
            token.substring(token.lastIndexOf('.') + 1))) {
      assertThat(logs)
          .as(
              "logs must not hold %s; loggers: %s",
              secret,
              linesSoFar().stream()
                  .filter(e -> e.getFormattedMessage().contains(secret))
                  .map(ILoggingEvent::getLoggerName)
                  .distinct()
                  .toList())
          .doesNotContain(secret);
    }
  }
}
