package org.matac.notification.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What this service keeps of one version of a person's profile: their name, the victims its
 * incidents name (through whom workers are linked) and the protective orders with an end date.
 */
public record ProfileSnapshot(
    UUID perpetratorId,
    long version,
    String givenName,
    String familyName,
    Set<VictimKey> victims,
    List<NotificationRules.Order> orders) {

  public NotificationRules.Perpetrator perpetrator() {
    return new NotificationRules.Perpetrator(perpetratorId.toString(), givenName, familyName);
  }
}
