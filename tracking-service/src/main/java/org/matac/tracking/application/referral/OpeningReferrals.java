package org.matac.tracking.application.referral;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.matac.events.scoring.FoundationListPublished;
import org.matac.support.retention.Disposals;
import org.matac.tracking.domain.Payload;
import org.matac.tracking.domain.Referral;
import org.matac.tracking.persistence.ReferralStore;

/**
 * Opens referrals in the receiving agency's queue: one per partner referral record, and one per
 * person on a published Foundation list. Each is opened once, however often it is delivered.
 */
@Singleton
public class OpeningReferrals {

  private final ReferralStore referrals;
  private final ReferralPublications publications;
  private final Disposals disposals;
  private final Clock clock;
  private final String programmeAgency;

  public OpeningReferrals(
      ReferralStore referrals,
      ReferralPublications publications,
      Disposals disposals,
      Clock clock,
      @Value("${matac.referrals.programme-agency}") String programmeAgency) {
    this.referrals = referrals;
    this.publications = publications;
    this.disposals = disposals;
    this.clock = clock;
    this.programmeAgency = programmeAgency;
  }

  /** Opens the referral a PARTNER_REFERRAL record asks for, once per record. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(
      String source,
      String sourceReference,
      UUID perpetratorId,
      Optional<String> area,
      Payload payload,
      Instant now) {
    String pathway = payload.text("pathway", null);
    String agency = Referral.receivingAgency(pathway, programmeAgency);
    String where = area.or(() -> referrals.latestIncidentArea(perpetratorId)).orElse(null);
    referrals
        .open(
            source,
            sourceReference,
            perpetratorId,
            agency,
            where,
            payload.text("referralRef", ""),
            payload.text("referringAgency", ""),
            payload.text("reason", ""),
            pathway,
            payload.flag("consentToShare"),
            now)
        .flatMap(referrals::find)
        .ifPresent(referral -> publications.publish(referral, null, "intake:" + source));
  }

  /**
   * Opens a referral for the programme agency for a person on a published Foundation list, once.
   * The police's publication of the list is the lawful basis for sharing, recorded by name.
   */
  @Transactional
  public void openFromFoundationList(FoundationListPublished entry) {
    if (!disposals.firstDeliveryAboutAKeptPerson(
        "tracking.foundation-list", entry.messageId(), entry.perpetratorId())) {
      // A list published before a disposal and read again must not bring the person back.
      return;
    }
    UUID perpetratorId = UUID.fromString(entry.perpetratorId());
    Instant now = clock.instant();
    String listName = "FOUNDATION " + entry.area() + " " + entry.asOf();
    referrals
        .open(
            "SCORING",
            "FOUNDATION:" + entry.publicationId() + ":" + entry.perpetratorId(),
            perpetratorId,
            programmeAgency,
            entry.area(),
            listName + " #" + entry.rank(),
            "POLICE_FOUNDATION_LIST",
            "On the published Project Foundation list " + listName + ", rank " + entry.rank(),
            "FOUNDATION",
            false,
            now)
        .ifPresent(
            id -> {
              referrals.recordLawfulBasis(
                  id,
                  1,
                  "Project Foundation police referral",
                  "list " + entry.publicationId() + " published under policy " + entry.policyId(),
                  entry.publishedBy(),
                  now);
              referrals
                  .find(id)
                  .ifPresent(referral -> publications.publish(referral, null, entry.publishedBy()));
            });
  }
}
