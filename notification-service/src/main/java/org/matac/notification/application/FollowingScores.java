package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.matac.events.scoring.ScoreChanged;
import org.matac.notification.domain.Flags;
import org.matac.notification.domain.NotificationRules;
import org.matac.notification.persistence.LinkStore;
import org.matac.support.retention.Disposals;

/** Follows scoring's flags, and tells the linked workers when one is newly set. */
@Singleton
public class FollowingScores {

  private static final String CONSUMER = "notification.score-changed";

  private final Disposals disposals;
  private final LinkStore links;
  private final IssuingNotices notices;

  public FollowingScores(Disposals disposals, LinkStore links, IssuingNotices notices) {
    this.disposals = disposals;
    this.links = links;
    this.notices = notices;
  }

  @Transactional
  public void onScoreChanged(ScoreChanged message) {
    if (disposals.firstDeliveryAboutAKeptPerson(
        CONSUMER, message.messageId(), message.perpetratorId())) {
      follow(message);
    }
  }

  /**
   * A poll's score changes as a set, leaving what {@link #onScoreChanged} leaves for each in order:
   * people a worker is linked to have theirs taken one at a time, since a flag newly set tells the
   * workers; everyone else keeps the flags of their last message, written in one statement.
   */
  @Transactional
  public void onScoresChanged(List<ScoreChanged> messages) {
    List<ScoreChanged> counted =
        disposals.firstDeliveriesAboutKeptPeople(
            CONSUMER, messages, ScoreChanged::messageId, ScoreChanged::perpetratorId);
    // A score change names no victim: only those linked already can hear of it.
    Set<UUID> watched =
        links.peopleWithWorkers(
            counted.stream().map(FollowingScores::perpetratorOf).collect(Collectors.toSet()));
    Map<UUID, Flags> last = new LinkedHashMap<>();
    for (ScoreChanged message : counted) {
      if (watched.contains(perpetratorOf(message))) {
        follow(message);
      } else {
        last.put(perpetratorOf(message), flagsOf(message));
      }
    }
    links.storeFlags(last);
  }

  private void follow(ScoreChanged message) {
    UUID perpetratorId = perpetratorOf(message);
    Flags before = links.swapFlags(perpetratorId, flagsOf(message));
    List<String> workers = links.workersLinkedTo(perpetratorId);
    if (workers.isEmpty()) {
      return;
    }
    notices.issue(
        NotificationRules.flagsChanged(
            links.perpetrator(perpetratorId),
            before,
            flagsOf(message),
            message.policyId(),
            message.asOf(),
            workers));
  }

  private static UUID perpetratorOf(ScoreChanged message) {
    return UUID.fromString(message.perpetratorId());
  }

  private static Flags flagsOf(ScoreChanged message) {
    return new Flags(message.flags().serial(), message.flags().escalating());
  }
}
