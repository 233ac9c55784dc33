package org.matac.notification.application;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.matac.events.tracking.PerpetratorDisposed;
import org.matac.support.retention.Disposals;

/** Erases a person tracking disposed of after a retention review, once. */
@Singleton
public class ForgettingDisposedPeople {

  private final Disposals disposals;

  public ForgettingDisposedPeople(Disposals disposals) {
    this.disposals = disposals;
  }

  @Transactional
  public void onPerpetratorDisposed(PerpetratorDisposed message) {
    disposals.onPerpetratorDisposed(
        message, "notification.perpetrator-disposed", IssuingNotices.SERVICE);
  }
}
