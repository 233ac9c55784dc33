package org.matac.notification.application;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.matac.events.FieldError;
import org.matac.notification.persistence.WebhookStore;
import org.matac.support.audit.AuditEntry;
import org.matac.support.audit.AuditTrail;
import org.matac.support.refusal.Refused;
import org.matac.support.security.Caller;

/**
 * An agency's case-system endpoint for its workers' notices. Setting it makes a new secret, shown
 * once to the admin to pass to the agency; only the endpoint is shown afterwards.
 */
@Singleton
public class Webhooks {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final boolean allowPlainHttp;

  public Webhooks(
      WebhookStore store,
      AuditTrail audit,
      Clock clock,
      @Value("${matac.webhooks.allow-plain-http:false}") boolean allowPlainHttp) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.allowPlainHttp = allowPlainHttp;
  }

  /** The endpoint as shown after it is set: never the secret. */
  public record Endpoint(String agency, String url, String updatedBy, Instant updatedAt) {}

  /** The endpoint with its new secret, shown once. */
  public record Configured(Endpoint endpoint, String secret) {}

  @Transactional
  public Configured configure(String agency, String url, Caller admin) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw invalidUrl("must be an absolute https URL");
    }
    boolean secure = "https".equals(uri.getScheme());
    boolean plain = "http".equals(uri.getScheme()) && allowPlainHttp;
    if (!uri.isAbsolute() || uri.getHost() == null || !(secure || plain)) {
      throw invalidUrl("must be an absolute https URL");
    }
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String secret = HexFormat.of().formatHex(key);
    Instant now = clock.instant();
    store.save(new WebhookStore.Webhook(agency, url, secret, admin.subject(), now));
    audit.record(
        AuditEntry.allowed(
            admin,
            AuditEntry.Action.ALTERATION,
            "WEBHOOK",
            agency,
            "webhook endpoint set; a new secret was issued"));
    return new Configured(new Endpoint(agency, url, admin.subject(), now), secret);
  }

  @Transactional
  public Optional<Endpoint> of(String agency) {
    return store
        .of(agency)
        .map(hook -> new Endpoint(hook.agency(), hook.url(), hook.updatedBy(), hook.updatedAt()));
  }

  private static Refused invalidUrl(String message) {
    return Refused.invalid(
        "The webhook endpoint cannot be used.", List.of(new FieldError("url", message)));
  }
}
