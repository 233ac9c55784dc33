package org.matac.notification.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.matac.testing.SecuredServiceContract;

@MicronautTest(transactional = false)
class NotificationSecurityTest extends SecuredServiceContract {

  @Override
  protected String databaseName() {
    return "notification";
  }

  @Override
  protected String protectedPath() {
    return "/api/v1/inbox";
  }

  @Override
  protected String allowedRole() {
    return "VICTIM_SAFETY_WORKER";
  }

  @Override
  protected String allowedAgency() {
    return "SOUTHAMPTON_IDVA";
  }
}
