package org.matac.scoring.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.PolicyStore;

/**
 * The policies scoring knows, and which one is active. The default {@code rfgv-1} ships as a
 * document on the class path and is added on first start; a partnership's own versions are added
 * and activated as data.
 */
@Singleton
public class PolicyCatalogue {

  static final String DEFAULT_POLICY = "rfgv-1";

  private final PolicyStore store;
  private final ObjectMapper json;
  private final Clock clock;
  private final AtomicReference<ScoringPolicy> active = new AtomicReference<>();

  public PolicyCatalogue(PolicyStore store, ObjectMapper json, Clock clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void addDefaultPolicy(StartupEvent startup) {
    String document = readClasspathPolicy(DEFAULT_POLICY);
    store.addIfAbsent(DEFAULT_POLICY, document, clock.instant());
    if (store.activeDocument().isEmpty()) {
      store.activate(DEFAULT_POLICY, clock.instant());
    }
  }

  @Transactional
  public ScoringPolicy active() {
    ScoringPolicy cached = active.get();
    if (cached != null) {
      return cached;
    }
    ScoringPolicy loaded =
        parse(
            store
                .activeDocument()
                .orElseThrow(() -> new IllegalStateException("No scoring policy is active")));
    active.set(loaded);
    return loaded;
  }

  private ScoringPolicy parse(String document) {
    try {
      return json.readValue(document, ScoringPolicy.class);
    } catch (IOException e) {
      throw new IllegalStateException("A stored scoring policy is unreadable", e);
    }
  }

  private static String readClasspathPolicy(String id) {
    try (InputStream in = PolicyCatalogue.class.getResourceAsStream("/policies/" + id + ".json")) {
      if (in == null) {
        throw new IllegalStateException("Policy " + id + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
