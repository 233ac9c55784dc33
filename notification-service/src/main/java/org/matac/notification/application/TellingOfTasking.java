package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.persistence.LinkStore;
import org.matac.support.retention.Disposals;

/** Tells the workers linked to a person that a MATAC tasking list they are on was published. */
@Singleton
public class TellingOfTasking {

  private final Disposals disposals;
  private final LinkStore links;
  private final IssuingNotices notices;

  public TellingOfTasking(Disposals disposals, LinkStore links, IssuingNotices notices) {
    this.disposals = disposals;
    this.links = links;
    this.notices = notices;
  }

  @Transactional
  public void onTaskingListPublished(TaskingListPublished message) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
        "notification.tasking-list-published", message.messageId(), message.perpetratorId())) {
      return;
    }
    UUID perpetratorId = UUID.fromString(message.perpetratorId());
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (workers.isEmpty()) {
      return;
    }
    notices.issue(
        NotificationRules.tasked(
            links.perpetrator(perpetratorId),
            message.cycleId().toString(),
            message.area(),
            message.cycleDate().toString(),
            message.publishedAt(),
            workers));
  }
}
