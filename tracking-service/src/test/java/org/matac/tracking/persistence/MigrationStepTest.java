package org.matac.tracking.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.matac.support.migration.MigrationStep;
import org.matac.tracking.TrackingServiceTestBase;

/**
 * {@code java -jar tracking-service.jar migrate}: the migrations as a step of their own, so that
 * the running service needs no owner credentials (the local stack starts every service so).
 */
@MicronautTest(transactional = false)
class MigrationStepTest extends TrackingServiceTestBase {

  private static final String CHANGE_LOG = "classpath:db/changelog/tracking.xml";

  private Map<String, String> ownerEnvironment() {
    Map<String, String> properties = infrastructure.serviceProperties(databaseName());
    return Map.of(
        "DATABASE_URL", properties.get("datasources.migrations.url"),
        "MIGRATION_DATABASE_USER", properties.get("datasources.migrations.username"),
        "MIGRATION_DATABASE_PASSWORD", properties.get("datasources.migrations.password"));
  }

  @Nested
  class OnADatabaseTheServiceMigratedAtStart {

    @Test
    void knows_every_change_set_already_applied_and_applies_none_again() throws Exception {
      long before = changeLogRows();

      MigrationStep.run(CHANGE_LOG, ownerEnvironment());

      // Only the grants run again (runAlways); a change set seen as new would add a row, or fail
      // on a table that already exists.
      assertThat(changeLogRows()).isEqualTo(before);
    }

    private long changeLogRows() throws Exception {
      try (Connection owner = connectAs("migrations");
          var statement = owner.createStatement();
          var rows = statement.executeQuery("SELECT count(*) FROM databasechangelog")) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Nested
  class WithoutTheOwnersCredentials {

    @Test
    void refuses_to_start_and_names_what_is_missing() {
      Map<String, String> environment =
          Map.of("DATABASE_URL", ownerEnvironment().get("DATABASE_URL"));

      assertThatThrownBy(() -> MigrationStep.run(CHANGE_LOG, environment))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MIGRATION_DATABASE_USER");
    }
  }

  @Nested
  class WhenAskedOnTheCommandLine {

    @Test
    void migrates_only_for_the_word_migrate() {
      assertThat(MigrationStep.requested(new String[] {"migrate"})).isTrue();
      assertThat(MigrationStep.requested(new String[] {})).isFalse();
      assertThat(MigrationStep.requested(new String[] {"--migrate"})).isFalse();
    }
  }
}
