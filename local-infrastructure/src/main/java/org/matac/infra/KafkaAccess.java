package org.matac.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.matac.events.Topics;

/**
 * Who may do what on the broker (partner contract, "Kafka"): each service has its own principal and
 * writes the topics it owns; a partner's principal, named after its agency code, writes only its
 * intake topic; nobody else may do anything (the broker denies what no rule allows).
 *
 * <p>One exception, written down in docs/adr/0011: a service may also write the topics it consumes,
 * because replaying a dead letter puts the original record back on its original topic.
 */
public final class KafkaAccess {

  /** A principal of the broker and what it may do. */
  public record Account(String name, List<AclBinding> rules) {}

  /** Which topics a service owns, which it consumes, and the prefix of its consumer groups. */
  private record ServiceTopics(
      String name, List<String> owned, List<String> consumed, String groupPrefix) {}

  private static final List<ServiceTopics> SERVICES =
      List.of(
          new ServiceTopics(
              "tracking",
              List.of(
                  Topics.INTAKE_DEAD_LETTER,
                  Topics.PROFILE_CHANGED,
                  Topics.SAFETY_WORKER_ASSIGNED,
                  Topics.SAFETY_WORKER_UNASSIGNED,
                  Topics.REFERRAL_STATUS_CHANGED,
                  Topics.PERPETRATOR_DISPOSED,
                  Topics.TRACKING_DEAD_LETTER),
              List.of(
                  Topics.POLICE_INTAKE,
                  Topics.PARTNER_INTAKE,
                  Topics.FOUNDATION_LIST_PUBLISHED,
                  Topics.INTAKE_DEAD_LETTER,
                  Topics.TRACKING_DEAD_LETTER),
              "tracking"),
          new ServiceTopics(
              "scoring",
              List.of(
                  Topics.SCORE_CHANGED,
                  Topics.TASKING_LIST_PUBLISHED,
                  Topics.FOUNDATION_LIST_PUBLISHED,
                  Topics.SCORING_DEAD_LETTER),
              List.of(
                  Topics.PROFILE_CHANGED,
                  Topics.PERPETRATOR_DISPOSED,
                  Topics.REFERRAL_STATUS_CHANGED,
                  Topics.SCORING_DEAD_LETTER),
              "scoring"),
          new ServiceTopics(
              "notification",
              List.of(Topics.NOTIFICATION_DEAD_LETTER),
              List.of(
                  Topics.SAFETY_WORKER_ASSIGNED,
                  Topics.SAFETY_WORKER_UNASSIGNED,
                  Topics.PROFILE_CHANGED,
                  Topics.TASKING_LIST_PUBLISHED,
                  Topics.PERPETRATOR_DISPOSED,
                  Topics.SCORE_CHANGED,
                  Topics.NOTIFICATION_DEAD_LETTER),
              "notification"));

  private KafkaAccess() {}

  /** The three services' principals: tracking, scoring and notification. */
  public static List<Account> services() {
    return SERVICES.stream().map(KafkaAccess::service).toList();
  }

  /**
   * The partners' principals, one per agency code, each allowed to write only the intake topic
   * named for it.
   */
  public static List<Account> partners(Map<String, String> intakeTopicByAgency) {
    return intakeTopicByAgency.entrySet().stream()
        .map(
            partner ->
                new Account(
                    partner.getKey(),
                    List.of(
                        allow(partner.getKey(), topic(partner.getValue()), AclOperation.WRITE),
                        allow(partner.getKey(), topic(partner.getValue()), AclOperation.DESCRIBE))))
        .toList();
  }

  private static Account service(ServiceTopics service) {
    List<AclBinding> rules = new ArrayList<>();
    // Every service declares every topic at start (KafkaTopics): creating one grants nothing else.
    for (String name : Topics.ALL) {
      rules.add(allow(service.name(), topic(name), AclOperation.CREATE));
      rules.add(allow(service.name(), topic(name), AclOperation.DESCRIBE));
    }
    for (String name : service.owned()) {
      rules.add(allow(service.name(), topic(name), AclOperation.WRITE));
    }
    for (String name : service.consumed()) {
      rules.add(allow(service.name(), topic(name), AclOperation.READ));
      if (!service.owned().contains(name)) {
        rules.add(allow(service.name(), topic(name), AclOperation.WRITE));
      }
    }
    rules.add(
        allow(
            service.name(),
            new ResourcePattern(ResourceType.GROUP, service.groupPrefix(), PatternType.PREFIXED),
            AclOperation.READ));
    // The health check reads the broker's replication settings; reading them changes nothing.
    ResourcePattern cluster =
        new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
    rules.add(allow(service.name(), cluster, AclOperation.DESCRIBE));
    rules.add(allow(service.name(), cluster, AclOperation.DESCRIBE_CONFIGS));
    return new Account(service.name(), List.copyOf(rules));
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  private static AclBinding allow(String principal, ResourcePattern resource, AclOperation what) {
    return new AclBinding(
        resource, new AccessControlEntry("User:" + principal, "*", what, AclPermissionType.ALLOW));
  }
}
