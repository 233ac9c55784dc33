package org.matac.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
      stack = LocalStack.start(freshSettings("matac-end-to-end-"));
      return stack;
    } catch (Exception e) {
      throw new IllegalStateException("The local stack did not start", e);
    }
  }

  /**
   * Settings for a stack of its own: a new data directory and ports no other stack of this run
   * holds, fixed for its life so that a restarted broker or database comes back where it was.
   */
  static StackSettings freshSettings(String prefix) throws IOException {
    Path data = Files.createTempDirectory(prefix);
    Map<String, String> environment = new HashMap<>();
    environment.put("MATAC_REPOSITORY_ROOT", Path.of("..").toAbsolutePath().normalize().toString());
    environment.put("MATAC_DATA_DIR", data.toString());
    // BackupAndRestoreTest restores from the archived WAL; the tests' data keeps it small.
    environment.put("MATAC_WAL_ARCHIVE", "on");
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
    return StackSettings.from(environment, List.of("--fresh"));
  }

  private static final Set<Integer> CHOSEN = new HashSet<>();

  /**
   * A free port below the range the kernel hands out for outgoing connections (32768 and up on
   * Linux), so that a client's connection made before a service binds cannot take it. The next port
   * (Kafka's controller, see LocalKafka) and the one a hundred above (a second instance's, see
   * LocalStack) are free too.
   */
  static int freePort() {
    Random random = new Random();
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = 20_000 + random.nextInt(10_000);
      List<Integer> taken = List.of(port, port + 1, port + 100);
      if (taken.stream().noneMatch(CHOSEN::contains)
          && taken.stream().allMatch(RunningStack::bindable)) {
        CHOSEN.addAll(taken);
        return port;
      }
    }
    throw new IllegalStateException("No free port found between 20000 and 30100");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private record Started(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      stack.close();
    }
  }
}
