package org.matac.deploy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local stack of run-local.sh, started once for every end-to-end test class of this module on
 * free ports and a fresh data directory, and stopped when the last of them has run. A test class
 * that extends with it reads the stack from {@link #stack()}.
 */
public final class RunningStack implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RunningStack.class);

  private static LocalStack stack;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("local-stack", key -> new Started(start()), Started.class);
  }

  public static LocalStack stack() {
    if (stack == null) {
      throw new IllegalStateException("Extend the test class with RunningStack");
    }
    return stack;
  }

  /** A token for a person or system, signed by the stack's development issuer. */
  public static String token(String subject, String role, String agency, List<String> areas) {
    return stack().issuer().mint(subject, List.of(role), agency, areas, Duration.ofMinutes(30));
  }

  public static String partner(String agency) {
    return token("system-" + agency, "PARTNER_SYSTEM", agency, List.of());
  }

  private static LocalStack start() {
    try {
      Path data = Files.createTempDirectory("matac-end-to-end-");
      Map<String, String> environment = new HashMap<>();
      environment.put(
          "MATAC_REPOSITORY_ROOT", Path.of("..").toAbsolutePath().normalize().toString());
      environment.put("MATAC_DATA_DIR", data.toString());
      for (String port :
          List.of(
              "POSTGRES_PORT",
              "KAFKA_PORT",
              "JWKS_PORT",
              "TRACKING_PORT",
              "SCORING_PORT",
              "NOTIFICATION_PORT",
              "CONSOLE_PORT")) {
        environment.put(port, Integer.toString(freePort()));
      }
      stack = LocalStack.start(StackSettings.from(environment, List.of("--fresh")));
      return stack;
    } catch (Exception e) {
      throw new IllegalStateException("The local stack did not start", e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Started(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stack.close();
    }
  }
}
