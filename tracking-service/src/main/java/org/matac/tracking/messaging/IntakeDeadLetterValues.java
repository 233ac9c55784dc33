package org.matac.tracking.messaging;

import jakarta.inject.Singleton;
import org.matac.events.Topics;
import org.matac.support.kafka.DeadLetterValues;
import org.matac.tracking.application.intake.VictimContacts;

/**
 * A partner's envelope is dead-lettered without victims' contact details, whatever failed: they are
 * kept only in victim_contact. A replayed letter is recorded without them; a later version of the
 * record from the partner brings them back.
 */
@Singleton
public class IntakeDeadLetterValues implements DeadLetterValues {

  @Override
  public byte[] kept(String originalTopic, byte[] value) {
    boolean fromAPartner =
        Topics.POLICE_INTAKE.equals(originalTopic) || Topics.PARTNER_INTAKE.equals(originalTopic);
    return fromAPartner && value != null ? VictimContacts.removedFrom(value) : value;
  }
}
