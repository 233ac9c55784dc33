package org.matac.scoring;

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
            title = "scoring-service",
            version = "v1",
            description = "Explainable RFGV scores under versioned policies."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT (RS256/ES256) with roles, agency and areas claims")
public class ScoringApplication {

  public static void main(String[] args) {
    if (MigrationStep.requested(args)) {
      MigrationStep.runAndExit("classpath:db/changelog/scoring.xml");
      return;
    }
    Micronaut.build(args).mainClass(ScoringApplication.class).banner(false).start();
  }
}
