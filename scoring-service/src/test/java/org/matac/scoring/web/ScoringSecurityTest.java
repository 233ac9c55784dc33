package org.matac.scoring.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.matac.testing.SecuredServiceContract;

@MicronautTest(transactional = false)
class ScoringSecurityTest extends SecuredServiceContract {

  @Override
  protected String databaseName() {
    return "scoring";
  }

  @Override
  protected String protectedPath() {
    return "/api/v1/scores/3f0e8d2c-1b6a-4c59-8e7d-6a5b4c3d2e1f";
  }

  @Override
  protected String allowedRole() {
    return "ANALYST";
  }
}
