package org.matac.events;

import java.util.List;

/**
 * Every Kafka topic of the system. Inbound topics are fixed by the partner contract; internal ones
 * follow {@code <owner>.<event-in-kebab-case>.v<major>} and are keyed by the project's perpetrator
 * id so that one person's events stay in order.
 */
public final class Topics {
  public static final String POLICE_INTAKE = "intake.police-events.v1";
  public static final String PARTNER_INTAKE = "intake.partner-events.v1";
  public static final String INTAKE_DEAD_LETTER = "intake.dead-letter.v1";

  public static final String PROFILE_CHANGED = "tracking.profile-changed.v1";
  public static final String SAFETY_WORKER_ASSIGNED = "tracking.safety-worker-assigned.v1";
  public static final String SAFETY_WORKER_UNASSIGNED = "tracking.safety-worker-unassigned.v1";
  public static final String REFERRAL_STATUS_CHANGED = "tracking.referral-status-changed.v1";
  public static final String PERPETRATOR_DISPOSED = "tracking.perpetrator-disposed.v1";
  public static final String TRACKING_DEAD_LETTER = "tracking.dead-letter.v1";

  public static final String SCORE_CHANGED = "scoring.score-changed.v1";
  public static final String TASKING_LIST_PUBLISHED = "scoring.tasking-list-published.v1";
  public static final String FOUNDATION_LIST_PUBLISHED = "scoring.foundation-list-published.v1";
  public static final String SCORING_DEAD_LETTER = "scoring.dead-letter.v1";

  public static final String NOTIFICATION_DEAD_LETTER = "notification.dead-letter.v1";

  /**
   * Every topic above. Each service declares them all at start, not only its own, so that no
   * service's consumers wait on a topic whose owner has not started yet.
   */
  public static final List<String> ALL =
      List.of(
          POLICE_INTAKE,
          PARTNER_INTAKE,
          INTAKE_DEAD_LETTER,
          PROFILE_CHANGED,
          SAFETY_WORKER_ASSIGNED,
          SAFETY_WORKER_UNASSIGNED,
          REFERRAL_STATUS_CHANGED,
          PERPETRATOR_DISPOSED,
          TRACKING_DEAD_LETTER,
          SCORE_CHANGED,
          TASKING_LIST_PUBLISHED,
          FOUNDATION_LIST_PUBLISHED,
          SCORING_DEAD_LETTER,
          NOTIFICATION_DEAD_LETTER);

  private Topics() {}
}
