package org.matac.support.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.matac.support.refusal.Refused;

/**
 * The service's OpenAPI document, generated from its code at compile time, for any caller with a
 * valid token: partners build against it, and it can never drift from what the code serves.
 */
@Controller("/api/v1/openapi.yml")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Hidden
public class OpenApiController {

  private final String resource;

  public OpenApiController(@Value("${micronaut.application.name}") String application) {
    this.resource = "/META-INF/swagger/" + application + "-v1.yml";
  }

  @Get(produces = "application/yaml")
  public HttpResponse<String> document() {
    try (InputStream in = OpenApiController.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw Refused.notFound("This build carries no OpenAPI document.");
      }
      return HttpResponse.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
