package org.matac.notification.messaging;

import io.micronaut.configuration.kafka.annotation.Topic;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.matac.events.Topics;
import org.matac.events.scoring.ScoreChanged;
import org.matac.events.scoring.TaskingListPublished;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.events.tracking.ProfileChanged;
import org.matac.events.tracking.SafetyWorkerAssigned;
import org.matac.events.tracking.SafetyWorkerUnassigned;
import org.matac.notification.application.FollowingProfiles;
import org.matac.notification.application.FollowingScores;
import org.matac.notification.application.ForgettingDisposedPeople;
import org.matac.notification.application.LinkingWorkers;
import org.matac.notification.application.TellingOfTasking;
import org.matac.support.kafka.AtLeastOnceBatchListener;
import org.matac.support.kafka.BatchHandling;
import org.matac.support.kafka.DeadLetteringListener;
import org.matac.support.kafka.DeadLetters;

/**
 * What notification-service consumes, a poll's records at a time; see docs/adr/0002 for the
 * delivery settings and {@link BatchHandling} for how a batch is handled.
 */
@AtLeastOnceBatchListener(groupId = "notification")
public class NotificationListener extends DeadLetteringListener {

  private final BatchHandling batches;
  private final LinkingWorkers linkingWorkers;
  private final FollowingProfiles followingProfiles;
  private final FollowingScores followingScores;
  private final TellingOfTasking tellingOfTasking;
  private final ForgettingDisposedPeople forgetting;

  public NotificationListener(
      BatchHandling batches,
      DeadLetters deadLetters,
      LinkingWorkers linkingWorkers,
      FollowingProfiles followingProfiles,
      FollowingScores followingScores,
      TellingOfTasking tellingOfTasking,
      ForgettingDisposedPeople forgetting) {
    super(deadLetters, Topics.NOTIFICATION_DEAD_LETTER);
    this.batches = batches;
    this.linkingWorkers = linkingWorkers;
    this.followingProfiles = followingProfiles;
    this.followingScores = followingScores;
    this.tellingOfTasking = tellingOfTasking;
    this.forgetting = forgetting;
  }

  @Topic(Topics.SAFETY_WORKER_ASSIGNED)
  public void onSafetyWorkerAssigned(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        SafetyWorkerAssigned.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        linkingWorkers::onSafetyWorkerAssigned);
  }

  @Topic(Topics.SAFETY_WORKER_UNASSIGNED)
  public void onSafetyWorkerUnassigned(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        SafetyWorkerUnassigned.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        linkingWorkers::onSafetyWorkerUnassigned);
  }

  @Topic(Topics.PROFILE_CHANGED)
  public void onProfileChanged(List<ConsumerRecord<String, byte[]>> records) {
    batches.handleAll(
        records,
        ProfileChanged.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        followingProfiles::onProfilesChanged,
        followingProfiles::onProfileChanged);
  }

  @Topic(Topics.TASKING_LIST_PUBLISHED)
  public void onTaskingListPublished(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        TaskingListPublished.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        tellingOfTasking::onTaskingListPublished);
  }

  @Topic(Topics.PERPETRATOR_DISPOSED)
  public void onPerpetratorDisposed(List<ConsumerRecord<String, byte[]>> records) {
    batches.handle(
        records,
        PerpetratorDisposed.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        forgetting::onPerpetratorDisposed);
  }

  @Topic(Topics.SCORE_CHANGED)
  public void onScoreChanged(List<ConsumerRecord<String, byte[]>> records) {
    batches.handleAll(
        records,
        ScoreChanged.class,
        Topics.NOTIFICATION_DEAD_LETTER,
        followingScores::onScoresChanged,
        followingScores::onScoreChanged);
  }
}
