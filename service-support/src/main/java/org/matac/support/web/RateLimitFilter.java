package org.matac.support.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.matac.support.problem.Problem;

/**
 * Limits each client's requests to the configured paths (intake by default), so one partner's
 * runaway system cannot starve the others: past its allowance a client is answered 429 with
 * Retry-After. Clients are told apart by their token's subject; the limit is per instance.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RateLimitFilter implements Ordered {

  private final boolean enabled;
  private final List<String> paths;
  private final double perSecond;
  private final int burst;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimitFilter(
      @Value("${matac.rate-limit.enabled:true}") boolean enabled,
      @Value("${matac.rate-limit.paths:/api/v1/events}") List<String> paths,
      @Value("${matac.rate-limit.requests-per-second:200}") double perSecond,
      @Value("${matac.rate-limit.burst:400}") int burst) {
    this.enabled = enabled;
    this.paths = List.copyOf(paths);
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** After authentication, so that the client is known and anonymous calls are already 401. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> limit(HttpRequest<?> request) {
    if (!enabled || paths.stream().noneMatch(path -> request.getPath().startsWith(path))) {
      return null;
    }
    Optional<Authentication> client = request.getUserPrincipal(Authentication.class);
    if (client.isEmpty()) {
      return null;
    }
    long now = System.nanoTime();
    Optional<Duration> wait =
        buckets
            .computeIfAbsent(client.get().getName(), key -> new TokenBucket(perSecond, burst, now))
            .take(now);
    if (wait.isEmpty()) {
      return null;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(seconds))
        .contentType(MediaType.of("application/problem+json"))
        .body(
            new Problem(
                "about:blank",
                "Too many requests",
                429,
                "This client sent more than "
                    + perSecond
                    + " requests a second (bursts up to "
                    + burst
                    + "); retry after "
                    + seconds
                    + " s, or send events in batches.",
                List.of()));
  }
}
