package org.matac.tracking.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.matac.support.sql.Sql;
import org.matac.tracking.domain.ManualLink;
import org.matac.tracking.domain.PeopleGraph;

/**
 * The identifiers of people and the edges between them: each current, counting record joins its
 * {@code (source, sourcePersonId)} to its PNC id, and an admin's manual link joins two identifiers.
 */
@Singleton
public class IdentityStore {

  private final Sql sql;

  public IdentityStore(Sql sql) {
    this.sql = sql;
  }

  /**
   * Serialises transactions that may create or join the people these identifiers name. Keys are
   * locked in sorted order so that two transactions cannot deadlock on them.
   */
  public void lock(Collection<String> nodes) {
    for (String node : new TreeSet<>(nodes)) {
      sql.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> 1, node);
    }
  }

  /** Locks these people's rows, in id order, for the rest of the transaction. */
  public void lockPeople(Collection<UUID> ids) {
    for (UUID id : new TreeSet<>(ids)) {
      sql.query("SELECT id FROM perpetrator WHERE id = ? FOR UPDATE", row -> 1, id);
    }
  }

  /** Who holds each identifier now; identifiers nobody holds are absent. */
  public Map<String, UUID> owners(Collection<String> nodes) {
    Map<String, UUID> owners = new HashMap<>();
    for (String node : nodes) {
      ownerOf(node).ifPresent(owner -> owners.put(node, owner));
    }
    return owners;
  }

  public Optional<UUID> ownerOf(String node) {
    String[] parts = node.split("\\|", 3);
    if (PeopleGraph.isSourceNode(node)) {
      return sql.queryOne(
          "SELECT perpetrator_id FROM person_identifier WHERE source = ? AND source_person_id = ?",
          row -> row.getObject(1, UUID.class),
          parts[1],
          parts[2]);
    }
    return sql.queryOne(
        "SELECT perpetrator_id FROM pnc_identifier WHERE pnc_id = ?",
        row -> row.getObject(1, UUID.class),
        parts[1]);
  }

  /** Every identifier these people hold, with its holder. */
  public Map<String, UUID> heldBy(Collection<UUID> people) {
    Map<String, UUID> held = new HashMap<>();
    if (people.isEmpty()) {
      return held;
    }
    UUID[] ids = people.toArray(UUID[]::new);
    sql.query(
            "SELECT source, source_person_id, perpetrator_id FROM person_identifier"
                + " WHERE perpetrator_id = ANY(?)",
            row ->
                Map.entry(
                    PeopleGraph.sourceNode(row.getString(1), row.getString(2)),
                    row.getObject(3, UUID.class)),
            (Object) ids)
        .forEach(entry -> held.put(entry.getKey(), entry.getValue()));
    sql.query(
            "SELECT pnc_id, perpetrator_id FROM pnc_identifier WHERE perpetrator_id = ANY(?)",
            row -> Map.entry(PeopleGraph.pncNode(row.getString(1)), row.getObject(2, UUID.class)),
            (Object) ids)
        .forEach(entry -> held.put(entry.getKey(), entry.getValue()));
    return held;
  }

  /** What the current records and manual links say about a set of identifiers. */
  public record Links(Set<String> nodesWithRecords, List<PeopleGraph.Edge> edges) {}

  /**
   * The identifiers among {@code nodes} that still have a current record, and every edge touching
   * {@code nodes}: from each counting current record, and from each manual link not removed.
   */
  public Links linksAround(Collection<String> nodes) {
    Set<String> withRecords = new HashSet<>();
    List<PeopleGraph.Edge> edges = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String> people = new ArrayList<>();
    List<String> pncs = new ArrayList<>();
    for (String node : nodes) {
      String[] parts = node.split("\\|", 3);
      if (PeopleGraph.isSourceNode(node)) {
        sources.add(parts[1]);
        people.add(parts[2]);
      } else {
        pncs.add(parts[1]);
      }
    }
    if (!sources.isEmpty()) {
      sql.query(
              "SELECT DISTINCT r.source, r.source_person_id, CASE WHEN r.withdrawn THEN NULL"
                  + " ELSE r.pnc_id END FROM partner_record r"
                  + " JOIN unnest(?::text[], ?::text[]) AS n(source, person)"
                  + " ON r.source = n.source AND r.source_person_id = n.person",
              row -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
              sources.toArray(String[]::new),
              people.toArray(String[]::new))
          .forEach(
              row -> {
                String node = PeopleGraph.sourceNode(row[0], row[1]);
                withRecords.add(node);
                if (row[2] != null) {
                  edges.add(new PeopleGraph.Edge(node, PeopleGraph.pncNode(row[2])));
                }
              });
    }
    if (!pncs.isEmpty()) {
      sql.query(
              "SELECT DISTINCT source, source_person_id, pnc_id FROM partner_record"
                  + " WHERE pnc_id = ANY(?) AND NOT withdrawn",
              row ->
                  new PeopleGraph.Edge(
                      PeopleGraph.sourceNode(row.getString(1), row.getString(2)),
                      PeopleGraph.pncNode(row.getString(3))),
              (Object) pncs.toArray(String[]::new))
          .forEach(edges::add);
    }
    String[] all = nodes.toArray(String[]::new);
    sql.query(
            "SELECT from_node, to_node FROM identity_link WHERE removed_at IS NULL"
                + " AND (from_node = ANY(?) OR to_node = ANY(?))",
            row -> new PeopleGraph.Edge(row.getString(1), row.getString(2)),
            all,
            all)
        .forEach(edges::add);
    return new Links(withRecords, edges);
  }

  /** The id each identifier was first seen under. */
  public Map<String, UUID> firstOwners(Collection<String> nodes) {
    Map<String, UUID> first = new HashMap<>();
    for (String node : nodes) {
      if (!PeopleGraph.isSourceNode(node)) {
        continue;
      }
      String[] parts = node.split("\\|", 3);
      sql.queryOne(
              "SELECT first_perpetrator_id FROM person_identifier"
                  + " WHERE source = ? AND source_person_id = ?",
              row -> row.getObject(1, UUID.class),
              parts[1],
              parts[2])
          .ifPresent(id -> first.put(node, id));
    }
    return first;
  }

  /**
   * Whether an id holds nothing now because it was merged away: only such an id is given back to a
   * group split off, so old links to it lead to the right person again.
   */
  public boolean mergedAway(UUID id) {
    return sql.queryOne(
            "SELECT 1 FROM perpetrator WHERE id = ? AND merged_into IS NOT NULL", row -> 1, id)
        .isPresent();
  }

  public void createPerson(UUID id, Instant now) {
    sql.update(
        "INSERT INTO perpetrator (id, created_at, updated_at) VALUES (?, ?, ?)", id, now, now);
  }

  /** Gives a first identifier to a person: its first id is the one it is given now. */
  public void give(String node, UUID owner) {
    String[] parts = node.split("\\|", 3);
    if (PeopleGraph.isSourceNode(node)) {
      sql.update(
          "INSERT INTO person_identifier (source, source_person_id, perpetrator_id,"
              + " first_perpetrator_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
          parts[1],
          parts[2],
          owner,
          owner);
    } else {
      sql.update(
          "INSERT INTO pnc_identifier (pnc_id, perpetrator_id) VALUES (?, ?)"
              + " ON CONFLICT DO NOTHING",
          parts[1],
          owner);
    }
  }

  /**
   * Writes the groups worked out: identifiers to their holders (dropping those no current record
   * carries any more), records and referrals to the holder of their identifier, and the ids that
   * were absorbed, revived or created.
   */
  public void apply(PeopleGraph.Outcome outcome, Map<String, UUID> previousOwner, Instant now) {
    for (UUID created : outcome.created()) {
      createPerson(created, now);
    }
    for (UUID revived : outcome.revived()) {
      sql.update(
          "UPDATE perpetrator SET merged_into = NULL, updated_at = ? WHERE id = ?", now, revived);
    }
    for (Map.Entry<String, UUID> dropped : previousOwner.entrySet()) {
      if (!outcome.ownerOf().containsKey(dropped.getKey())) {
        delete(dropped.getKey());
      }
    }
    for (Map.Entry<String, UUID> held : outcome.ownerOf().entrySet()) {
      UUID before = previousOwner.get(held.getKey());
      if (held.getValue().equals(before)) {
        continue;
      }
      String[] parts = held.getKey().split("\\|", 3);
      if (PeopleGraph.isSourceNode(held.getKey())) {
        sql.update(
            "INSERT INTO person_identifier (source, source_person_id, perpetrator_id,"
                + " first_perpetrator_id) VALUES (?, ?, ?, ?) ON CONFLICT (source,"
                + " source_person_id) DO UPDATE SET perpetrator_id = excluded.perpetrator_id",
            parts[1],
            parts[2],
            held.getValue(),
            held.getValue());
        sql.update(
            "UPDATE partner_record SET perpetrator_id = ? WHERE source = ?"
                + " AND source_person_id = ?",
            held.getValue(),
            parts[1],
            parts[2]);
      } else {
        sql.update(
            "INSERT INTO pnc_identifier (pnc_id, perpetrator_id) VALUES (?, ?)"
                + " ON CONFLICT (pnc_id) DO UPDATE SET perpetrator_id = excluded.perpetrator_id",
            parts[1],
            held.getValue());
      }
    }
    outcome
        .absorbedInto()
        .forEach(
            (absorbed, survivor) -> {
              sql.update(
                  "UPDATE perpetrator SET merged_into = ?, updated_at = ? WHERE id = ?",
                  survivor,
                  now,
                  absorbed);
              // Referrals opened from a published list name the person, not a partner record.
              sql.update(
                  "UPDATE referral SET perpetrator_id = ? WHERE perpetrator_id = ?",
                  survivor,
                  absorbed);
            });
    Set<UUID> owners = outcome.owners();
    sql.update(
        "UPDATE referral f SET perpetrator_id = r.perpetrator_id FROM partner_record r"
            + " WHERE r.type = 'PARTNER_REFERRAL' AND r.source = f.source"
            + " AND r.source_reference = f.source_reference"
            + " AND r.perpetrator_id <> f.perpetrator_id AND r.perpetrator_id = ANY(?)",
        (Object) owners.toArray(UUID[]::new));
  }

  private void delete(String node) {
    String[] parts = node.split("\\|", 3);
    if (PeopleGraph.isSourceNode(node)) {
      sql.update(
          "DELETE FROM person_identifier WHERE source = ? AND source_person_id = ?",
          parts[1],
          parts[2]);
    } else {
      sql.update("DELETE FROM pnc_identifier WHERE pnc_id = ?", parts[1]);
    }
  }

  public void addLink(ManualLink link) {
    sql.update(
        "INSERT INTO identity_link (id, from_node, to_node, reason, created_by, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        link.id(),
        link.fromNode(),
        link.toNode(),
        link.reason(),
        link.createdBy(),
        link.createdAt());
  }

  public Optional<ManualLink> link(UUID id) {
    return sql.queryOne(
        "SELECT * FROM identity_link WHERE id = ? FOR UPDATE", IdentityStore::link, id);
  }

  /** Manual links touching any of these identifiers, standing or removed. */
  public List<ManualLink> linksOf(Collection<String> nodes) {
    String[] all = nodes.toArray(String[]::new);
    return sql.query(
        "SELECT * FROM identity_link WHERE from_node = ANY(?) OR to_node = ANY(?)"
            + " ORDER BY created_at, id",
        IdentityStore::link,
        all,
        all);
  }

  public boolean removeLink(UUID id, String by, String reason, Instant now) {
    return sql.update(
            "UPDATE identity_link SET removed_by = ?, removed_at = ?, removal_reason = ?"
                + " WHERE id = ? AND removed_at IS NULL",
            by,
            now,
            reason,
            id)
        == 1;
  }

  private static ManualLink link(ResultSet row) throws SQLException {
    return new ManualLink(
        row.getObject("id", UUID.class),
        row.getString("from_node"),
        row.getString("to_node"),
        row.getString("reason"),
        row.getString("created_by"),
        Sql.instant(row, "created_at"),
        row.getString("removed_by"),
        Sql.instant(row, "removed_at"),
        row.getString("removal_reason"));
  }
}
