package org.matac.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seedable, deterministic feed of synthetic police events, shaped like real ones but about
 * nobody: obviously fake names, made-up references. Most people have one incident (Portsmouth
 * 2014/15: 77% one, 14% two, 4% three, 4% four or more); a minority have several victims; harm is
 * concentrated in a few; offences lean towards common assault, coercive control and criminal
 * damage; three years of history across the partnership's areas; and the feed carries the
 * corrections, duplicates and out-of-order arrivals real feeds have.
 */
public final class SyntheticFeed {

  /** One envelope as a partner would send it, with the key it goes under. */
  public record Event(String key, String eventId, String json) {}

  /** The partnership's default areas, shared by every benchmark's synthetic data. */
  static final String[] AREAS = {
    "SOUTHAMPTON",
    "PORTSMOUTH",
    "EASTLEIGH",
    "FAREHAM",
    "GOSPORT",
    "HAVANT",
    "WINCHESTER",
    "TEST_VALLEY",
    "NEW_FOREST",
    "BASINGSTOKE_AND_DEANE",
    "ISLE_OF_WIGHT"
  };

  /** Offence categories, weighted towards the common ones. */
  private static final String[] COMMON = {
    "COMMON_ASSAULT",
    "COMMON_ASSAULT",
    "COMMON_ASSAULT",
    "COMMON_ASSAULT",
    "CONTROLLING_COERCIVE_BEHAVIOUR",
    "CONTROLLING_COERCIVE_BEHAVIOUR",
    "CRIMINAL_DAMAGE",
    "CRIMINAL_DAMAGE",
    "HARASSMENT",
    "STALKING",
    "PUBLIC_ORDER",
    "BREACH_OF_ORDER",
    "ABH",
    "OTHER"
  };

  /** What the few who cause most of the harm add: the grave offences. */
  private static final String[] GRAVE = {
    "ABH", "GBH", "NON_FATAL_STRANGULATION", "THREATS_TO_KILL", "SEXUAL_ASSAULT", "RAPE", "ARSON"
  };

  private static final String[] RELATIONSHIPS = {
    "INTIMATE_PARTNER", "INTIMATE_PARTNER", "EX_PARTNER", "EX_PARTNER", "FAMILY", "OTHER"
  };

  private static final Duration THREE_YEARS = Duration.ofDays(3 * 365);

  private final Random random;
  private final Instant now;
  private final String run;
  private final List<String> areas;

  public SyntheticFeed(long seed, Instant now) {
    this(seed, now, List.of(AREAS));
  }

  /** A feed whose people live in {@code areas} only: a test sharing a stack keeps to its own. */
  public SyntheticFeed(long seed, Instant now, List<String> areas) {
    this.random = new Random(seed);
    this.now = now;
    this.run = Long.toHexString(seed);
    this.areas = List.copyOf(areas);
  }

  /** How many incidents a person has, as in the Portsmouth figures. */
  private int incidentsOfAPerson() {
    double draw = random.nextDouble();
    if (draw < 0.77) {
      return 1;
    }
    if (draw < 0.91) {
      return 2;
    }
    if (draw < 0.96) {
      return 3;
    }
    return 4 + random.nextInt(6);
  }

  /**
   * At least {@code events} envelopes, person by person as an export of a force's nominal records
   * lists them (each person's incidents at random times over three years), with some arrivals late,
   * some repeated, and some records corrected by a later version.
   */
  public List<Event> events(int events) {
    List<Event> feed = new ArrayList<>(events + 16);
    int person = 0;
    while (feed.size() < events) {
      person++;
      String personId = "BENCH-" + run + "-" + person;
      boolean harmful = random.nextDouble() < 0.03;
      int incidents = incidentsOfAPerson();
      int victims = incidents > 1 && random.nextDouble() < 0.3 ? 1 + random.nextInt(incidents) : 1;
      String pnc =
          random.nextDouble() < 0.6
              ? String.format(
                  "%04d/%07d%c", 2000 + random.nextInt(25), person % 10_000_000, 'A' + person % 26)
              : null;
      String area = areas.get(random.nextInt(areas.size()));
      for (int i = 0; i < incidents && feed.size() < events; i++) {
        Instant occurred =
            now.minusSeconds((long) (random.nextDouble() * THREE_YEARS.getSeconds()));
        String reference = "44/" + run + "-" + person + "-" + i + "/BN";
        String offence =
            harmful && random.nextDouble() < 0.6
                ? GRAVE[random.nextInt(GRAVE.length)]
                : COMMON[random.nextInt(COMMON.length)];
        String victim = "V-" + run + "-" + person + "-" + random.nextInt(victims);
        Event event =
            incident(
                personId,
                pnc,
                reference,
                1,
                occurred,
                occurred.plusSeconds(3600),
                area,
                offence,
                victim);
        feed.add(event);
        if (random.nextDouble() < 0.01) {
          feed.add(event); // sent twice: the same eventId is one event
        }
        if (random.nextDouble() < 0.02) {
          // A later correction of the same record: the gravest reading won at review.
          feed.add(
              incident(
                  personId,
                  pnc,
                  reference,
                  2,
                  occurred,
                  occurred.plusSeconds(86_400),
                  area,
                  GRAVE[random.nextInt(GRAVE.length)],
                  victim));
        }
      }
    }
    // Out of order: about one in twenty arrives up to fifty places late.
    for (int i = feed.size() - 1; i > 0; i--) {
      if (random.nextDouble() < 0.05) {
        int j = Math.max(0, i - 1 - random.nextInt(50));
        Collections.swap(feed, i, j);
      }
    }
    return feed;
  }

  private Event incident(
      String personId,
      String pnc,
      String reference,
      int version,
      Instant occurred,
      Instant recorded,
      String area,
      String offence,
      String victim) {
    String eventId = new UUID(random.nextLong(), random.nextLong()).toString();
    String json =
        """
        {"eventId":"%s","type":"INCIDENT_REPORTED","schemaVersion":1,"source":"HAMPSHIRE_POLICE",\
        "sourceReference":"%s","recordVersion":%d,"occurredAt":"%s","recordedAt":"%s","area":"%s",\
        "perpetrator":{"sourcePersonId":"%s"%s,"givenName":"Synthetic","familyName":"Benchperson"},\
        "payload":{"incidentRef":"%s","crimed":true,"offences":[{"category":"%s"}],\
        "victims":[{"victimRef":"%s","relationship":"%s"}],"childrenPresent":%s,"dashRisk":"%s"}}\
        """
            .formatted(
                eventId,
                reference,
                version,
                occurred,
                recorded,
                area,
                personId,
                pnc == null ? "" : ",\"pncId\":\"" + pnc + "\"",
                reference,
                offence,
                victim,
                RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)],
                random.nextDouble() < 0.3,
                random.nextDouble() < 0.7 ? "STANDARD" : random.nextBoolean() ? "MEDIUM" : "HIGH");
    return new Event(personId, eventId, json);
  }
}
