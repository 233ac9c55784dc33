package org.matac.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * {@link KafkaAccess}'s rules as the shell script an operator runs against a broker of their own
 * with Kafka's own tools (deploy/compose/kafka-access.sh): each account's SCRAM credential, then
 * its rules, one kafka-acls.sh call per principal and resource. The script is generated, never
 * edited: {@code KafkaAccessScriptTest} fails when it differs from the rules.
 *
 * <pre>java -cp local-infrastructure/target/classes:... org.matac.infra.KafkaAccessScript \
 *   > deploy/compose/kafka-access.sh</pre>
 */
public final class KafkaAccessScript {

  private KafkaAccessScript() {}

  public static void main(String[] args) {
    System.out.print(script());
  }

  /** The whole script for the three services and the partners of the local stack. */
  public static String script() {
    List<KafkaAccess.Account> accounts = new ArrayList<>(KafkaAccess.services());
    accounts.addAll(KafkaAccess.partners(new TreeMap<>(LocalKafka.PARTNER_FEEDS)));
    StringBuilder script =
        new StringBuilder(
            """
            #!/bin/sh
            # Generated from org.matac.infra.KafkaAccess by KafkaAccessScript: do not edit; see
            # docs/adr/0011. Gives each account its SCRAM-SHA-256 credential and exactly the rules
            # the local stack's broker enforces. Needs: BOOTSTRAP (host:port), ADMIN_CONFIG (client
            # properties of a super user) and, per account, <ACCOUNT>_KAFKA_PASSWORD (for example
            # TRACKING_KAFKA_PASSWORD, HAMPSHIRE_POLICE_KAFKA_PASSWORD). Safe to run again.
            set -eu
            tools="${KAFKA_TOOLS:-/opt/kafka/bin}"

            credential() {
              "$tools/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \\
                --alter --entity-type users --entity-name "$1" \\
                --add-config "SCRAM-SHA-256=[iterations=8192,password=$2]"
            }

            allow() {
              "$tools/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \\
                --add --allow-principal "$@"
            }

            """);
    for (KafkaAccess.Account account : accounts) {
      String variable = account.name().toUpperCase(Locale.ROOT) + "_KAFKA_PASSWORD";
      script.append("# ").append(account.name()).append('\n');
      script
          .append("credential ")
          .append(account.name())
          .append(" \"$")
          .append(variable)
          .append("\"\n");
      for (Map.Entry<ResourcePattern, List<String>> rule : byResource(account.rules()).entrySet()) {
        script.append("allow User:").append(account.name());
        for (String operation : rule.getValue()) {
          script.append(" --operation ").append(operation);
        }
        script.append(' ').append(resource(rule.getKey())).append('\n');
      }
      script.append('\n');
    }
    return script.toString();
  }

  private static Map<ResourcePattern, List<String>> byResource(List<AclBinding> rules) {
    Map<ResourcePattern, List<String>> operations = new LinkedHashMap<>();
    for (AclBinding rule : rules) {
      operations
          .computeIfAbsent(rule.pattern(), pattern -> new ArrayList<>())
          .add(SecurityUtils.operationName(rule.entry().operation()));
    }
    return operations;
  }

  private static String resource(ResourcePattern pattern) {
    String prefixed =
        pattern.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
    return switch (pattern.resourceType()) {
      case TOPIC -> "--topic " + pattern.name() + prefixed;
      case GROUP -> "--group " + pattern.name() + prefixed;
      case CLUSTER -> "--cluster";
      default -> throw new IllegalArgumentException("No rule of this kind is written: " + pattern);
    };
  }
}
