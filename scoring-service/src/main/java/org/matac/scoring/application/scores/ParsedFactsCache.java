package org.matac.scoring.application.scores;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.matac.events.tracking.ProfileChanged;
import org.matac.scoring.domain.PersonFacts;
import org.matac.scoring.persistence.FactsStore;
import org.matac.support.retention.PersonalDataEraser;

/**
 * People's stored facts, parsed, kept in memory by version: a ranking scores every person of an
 * area at the asked instant, exactly, and parsing each profile's JSON on every request was most of
 * its time. An entry is used only while its version is the stored one, so a newer profile is parsed
 * again; the least recently used entries leave first, within a bound that keeps the heap well
 * inside its 512 MB.
 */
@Singleton
public class ParsedFactsCache implements PersonalDataEraser {

  /** One person's facts as the rules read them, and the ranking's last tie-break key. */
  public record Parsed(UUID perpetratorId, long version, PersonFacts facts, String tieBreakKey) {}

  private final FactsStore store;
  private final ObjectMapper json;
  private final Map<UUID, Parsed> cache;

  public ParsedFactsCache(
      FactsStore store,
      ObjectMapper json,
      @Value("${matac.scoring.parsed-facts-cache-size:100000}") int maximum) {
    this.store = store;
    this.json = json;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<UUID, Parsed> eldest) {
            return size() > maximum;
          }
        };
  }

  /** Everyone who has had an incident in {@code area}, parsed; read within a transaction. */
  public List<Parsed> inArea(String area) {
    Map<UUID, Long> versions = store.versionsInArea(area);
    List<Parsed> parsed = new ArrayList<>(versions.size());
    List<UUID> missing = new ArrayList<>();
    synchronized (cache) {
      versions.forEach(
          (id, version) -> {
            Parsed held = cache.get(id);
            if (held != null && held.version() == version) {
              parsed.add(held);
            } else {
              missing.add(id);
            }
          });
    }
    for (FactsStore.Versioned stored : store.withVersions(missing)) {
      Parsed fresh = parse(stored);
      parsed.add(fresh);
      synchronized (cache) {
        cache.put(stored.perpetratorId(), fresh);
      }
    }
    return parsed;
  }

  /** A disposed person's parsed facts leave memory with their stored ones. */
  @Override
  public void erase(List<UUID> perpetratorIds, Instant erasedAt) {
    synchronized (cache) {
      perpetratorIds.forEach(cache::remove);
    }
  }

  private Parsed parse(FactsStore.Versioned stored) {
    try {
      ProfileChanged.Profile profile =
          json.readValue(stored.profileJson(), ProfileChanged.Profile.class);
      return new Parsed(
          stored.perpetratorId(),
          stored.version(),
          ProfileFactsMapper.of(profile),
          ProfileFactsMapper.tieBreakKey(profile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
