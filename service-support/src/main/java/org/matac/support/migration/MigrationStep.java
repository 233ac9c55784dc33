package org.matac.support.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The migrations of a service run as a step of their own, as the database owner, before the service
 * starts: {@code java -jar <service>.jar migrate}. The running service is then started without the
 * owner's credentials (MATAC_MIGRATE_AT_START=false and no MIGRATION_DATABASE_*), so nothing that
 * runs all day holds a password that can alter tables or the audit trail.
 *
 * <p>Liquibase is driven directly, without Micronaut: the step starts no consumer, no scheduler and
 * no server, and ends when the migrations do.
 */
public final class MigrationStep {

  private MigrationStep() {}

  /** Whether the program was asked to migrate and exit rather than to serve. */
  public static boolean requested(String[] args) {
    return args.length > 0 && "migrate".equals(args[0]);
  }

  /**
   * Applies {@code changeLog} to the database of DATABASE_URL as MIGRATION_DATABASE_USER, then
   * exits: 0 when the database is up to date, 1 when it could not be brought there.
   */
  public static void runAndExit(String changeLog) {
    try {
      int applied = run(changeLog, System.getenv());
      System.out.println(
          "Migrations applied: " + applied + " change sets; the database is current");
      System.exit(0);
    } catch (SQLException | LiquibaseException | IllegalArgumentException e) {
      System.err.println("Migrations failed: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * Applies {@code changeLog} with the connection settings of {@code environment} and answers how
   * many change sets ran (those that run on every start included).
   */
  public static int run(String changeLog, Map<String, String> environment)
      throws SQLException, LiquibaseException {
    try (Connection connection =
        DriverManager.getConnection(
            required(environment, "DATABASE_URL"),
            required(environment, "MIGRATION_DATABASE_USER"),
            required(environment, "MIGRATION_DATABASE_PASSWORD"))) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // Liquibase knows a change set by its file's path as micronaut-liquibase records it: the
      // class path location, without the "classpath:" of the service's configuration.
      String path = changeLog.startsWith("classpath:") ? changeLog.substring(10) : changeLog;
      try (Liquibase liquibase = new Liquibase(path, new ClassLoaderResourceAccessor(), database)) {
        int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        liquibase.update(new Contexts(), new LabelExpression());
        return pending;
      }
    }
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set; the migration step needs it");
    }
    return value;
  }
}
