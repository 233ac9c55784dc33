package org.matac.tracking.application.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.matac.events.FieldError;
import org.matac.tracking.domain.ScreeningTool;

/**
 * The screening tool this deployment uses, loaded once at start from {@code
 * matac.referrals.screening-tool}: a {@code file:} address, or a path inside the service's own
 * resources (bare or {@code classpath:}). A document that is missing or malformed stops the service
 * at start rather than at the first screening.
 */
@Singleton
public class ScreeningTools {

  private final ScreeningTool active;

  public ScreeningTools(
      @Value("${matac.referrals.screening-tool}") String address,
      ResourceResolver resources,
      ObjectMapper json) {
    try (InputStream in =
        resources
            .getResourceAsStream(
                address.startsWith("file:") || address.startsWith("classpath:")
                    ? address
                    : "classpath:" + address)
            .orElseThrow(
                () -> new IllegalStateException("No screening tool document at " + address))) {
      ScreeningTool tool = json.readValue(in, ScreeningTool.class);
      List<FieldError> problems = tool.problems();
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "The screening tool at "
                + address
                + " cannot be used: "
                + problems.stream()
                    .map(problem -> problem.field() + " " + problem.message())
                    .collect(Collectors.joining("; ")));
      }
      this.active = tool;
    } catch (IOException e) {
      throw new IllegalStateException("The screening tool at " + address + " is not JSON", e);
    }
  }

  public ScreeningTool active() {
    return active;
  }
}
