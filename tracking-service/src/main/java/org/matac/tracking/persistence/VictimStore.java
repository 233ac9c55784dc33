package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.PartnerEvent;
import org.matac.tracking.domain.Payload;

/**
 * Victims, apart from perpetrators, by {@code (source, victimRef)}. Contact details go to their own
 * table, which only victim-safety reads may touch; the latest recorded version wins.
 */
@Singleton
public class VictimStore {

  private final Sql sql;

  public VictimStore(Sql sql) {
    this.sql = sql;
  }

  public void recordVictimsOf(PartnerEvent incident, Instant now) {
    for (Payload.ReportedVictim victim : incident.payload().victims()) {
      sql.update(
          "INSERT INTO victim (source, victim_ref, date_of_birth, updated_at) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (source, victim_ref) DO UPDATE SET"
              + " date_of_birth = COALESCE(excluded.date_of_birth, victim.date_of_birth),"
              + " updated_at = excluded.updated_at",
          incident.source(),
          victim.victimRef(),
          victim.dateOfBirth() == null ? null : LocalDate.parse(victim.dateOfBirth()),
          now);
      Payload.Contact contact = victim.contact();
      if (contact != null) {
        sql.update(
            "INSERT INTO victim_contact (source, victim_ref, address, phone, email, event_id,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (source, victim_ref) DO UPDATE SET address = excluded.address,"
                + " phone = excluded.phone, email = excluded.email, event_id = excluded.event_id,"
                + " recorded_at = excluded.recorded_at"
                + " WHERE victim_contact.recorded_at <= excluded.recorded_at",
            incident.source(),
            victim.victimRef(),
            contact.address(),
            contact.phone(),
            contact.email(),
            incident.eventId(),
            incident.recordedAt());
      }
    }
  }
}
