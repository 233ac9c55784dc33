package org.matac.deploy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.matac.infra.DevelopmentTokenIssuer;

/**
 * Prints a development token signed by the local stack's issuer: {@code deploy/token.sh --sub S
 * --roles R1,R2 --agency A --areas X,Y [--ttl-minutes N]}.
 */
public final class TokenCommand {

  private TokenCommand() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    if (!options.containsKey("sub") || !options.containsKey("roles")) {
      System.err.println(
          "usage: deploy/token.sh --sub SUBJECT --roles ROLE[,ROLE] [--agency AGENCY]"
              + " [--areas AREA[,AREA]] [--ttl-minutes N]");
      System.exit(2);
    }
    StackSettings settings = StackSettings.from(System.getenv(), List.of());
    DevelopmentTokenIssuer issuer = DevelopmentTokenIssuer.withKeyIn(settings.signingKeyFile());
    System.out.println(
        issuer.mint(
            options.get("sub"),
            list(options.get("roles")),
            options.get("agency"),
            list(options.get("areas")),
            Duration.ofMinutes(Long.parseLong(options.getOrDefault("ttl-minutes", "480")))));
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
