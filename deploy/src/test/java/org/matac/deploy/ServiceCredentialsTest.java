package org.matac.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The running services hold only their application role's credentials: the local stack runs each
 * service's migrations as a step of their own first, and the services never see the owner's (that
 * they are up and answering at all shows they need nothing more).
 */
@ExtendWith(RunningStack.class)
class ServiceCredentialsTest {

  @ParameterizedTest
  @EnumSource(
      value = LocalStack.Service.class,
      names = {"TRACKING", "SCORING", "NOTIFICATION"})
  void a_running_service_was_given_no_owner_credentials(LocalStack.Service service)
      throws Exception {
    List<String> environment =
        List.of(
            new String(
                    Files.readAllBytes(
                        Path.of(
                            "/proc",
                            Long.toString(RunningStack.stack().pidOf(service).orElseThrow()),
                            "environ")),
                    StandardCharsets.UTF_8)
                .split("\0"));

    assertThat(environment).noneMatch(variable -> variable.startsWith("MIGRATION_DATABASE_"));
    assertThat(environment).contains("MATAC_MIGRATE_AT_START=false");
    assertThat(environment).anyMatch(variable -> variable.startsWith("DATABASE_PASSWORD="));
  }
}
