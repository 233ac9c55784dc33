package org.matac.tracking;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.matac.support.migration.MigrationStep;

@OpenAPIDefinition(
    info =
        @Info(
            title = "tracking-service",
            version = "v1",
            description = "Partner intake, perpetrator profiles and identity across agencies."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT (RS256/ES256) with roles, agency and areas claims")
public class TrackingApplication {

  public static void main(String[] args) {
    if (MigrationStep.requested(args)) {
      MigrationStep.runAndExit("classpath:db/changelog/tracking.xml");
      return;
    }
    Micronaut.build(args).mainClass(TrackingApplication.class).banner(false).start();
  }
}
