package org.matac.scoring.application.policies;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.matac.events.FieldError;
import org.matac.scoring.domain.PolicyValidation;
import org.matac.scoring.domain.ScoringPolicy;
import org.matac.scoring.persistence.PolicyStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

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
  private final AuditTrail audit;
  private final Clock clock;

  /**
   * Parsed versions by id. A version never changes once added, so this is never stale; which one is
   * active is read from the database each time, so an activation on any instance is seen by every
   * instance at its next use.
   */
  private final Map<String, ScoringPolicy> parsed = new ConcurrentHashMap<>();

  public PolicyCatalogue(PolicyStore store, ObjectMapper json, AuditTrail audit, Clock clock) {
    this.store = store;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  void addDefaultPolicy(StartupEvent startup) {
    String document = readClasspathPolicy(DEFAULT_POLICY);
    store.addIfAbsent(DEFAULT_POLICY, document, clock.instant());
    if (store.activeId().isEmpty()) {
      store.activate(DEFAULT_POLICY, clock.instant());
    }
  }

  @Transactional
  public ScoringPolicy active() {
    String id =
        store
            .activeId()
            .orElseThrow(() -> new IllegalStateException("No scoring policy is active"));
    return parsed.computeIfAbsent(id, this::load);
  }

  /** A stored version by id, active or not: a comparison may rank under any of them. */
  @Transactional
  public ScoringPolicy version(String id) {
    return parsed.computeIfAbsent(id, this::load);
  }

  /** A stored policy document and whether it is the active one. */
  public record PolicyVersion(String id, boolean active, ScoringPolicy policy) {}

  /**
   * Adds a new policy version after validating it; a partnership's changes never overwrite a
   * version that scores already name.
   */
  @Transactional
  public ScoringPolicy add(String document, Caller admin) {
    ScoringPolicy policy;
    try {
      policy = json.readValue(document, ScoringPolicy.class);
    } catch (IOException e) {
      throw Refused.invalid(
          "The policy document is not readable.",
          List.of(new FieldError("$", "must be a scoring policy document")));
    }
    List<FieldError> errors = PolicyValidation.problems(policy, defaultCategories());
    if (!errors.isEmpty()) {
      throw Refused.invalid("The policy cannot be used as it is.", errors);
    }
    if (store.document(policy.id()).isPresent()) {
      throw Refused.conflict("Policy " + policy.id() + " exists; versions never change.");
    }
    store.addIfAbsent(policy.id(), document, clock.instant());
    audit.record(
        AuditEntry.allowed(
            admin, AuditEntry.Action.ALTERATION, "SCORING_POLICY", policy.id(), "added"));
    return policy;
  }

  /** Makes {@code id} the active policy; the caller then rescores everyone under it. */
  @Transactional
  public void activate(String id, Caller admin) {
    if (store.document(id).isEmpty()) {
      throw Refused.notFound("No policy " + id + ".");
    }
    store.activate(id, clock.instant());
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.ALTERATION,
            "SCORING_POLICY",
            id,
            "activated: every score is rewritten under it"));
  }

  @Transactional
  public List<PolicyVersion> versions() {
    String activeId = active().id();
    return store.ids().stream()
        .map(id -> new PolicyVersion(id, id.equals(activeId), version(id)))
        .toList();
  }

  private Set<String> defaultCategories() {
    return parse(readClasspathPolicy(DEFAULT_POLICY)).gravityTable().weights().keySet();
  }

  private ScoringPolicy load(String id) {
    return parse(store.document(id).orElseThrow(() -> Refused.notFound("No policy " + id + ".")));
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
