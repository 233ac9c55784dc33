package org.matac.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering every service keeps, as ArchUnit rules: each service's architecture test runs these
 * against its own root package.
 */
public final class ServiceArchitecture {

  private static final List<String> SERVICE_ROOTS =
      List.of("org.matac.tracking", "org.matac.scoring", "org.matac.notification");

  private ServiceArchitecture() {}

  /** Domain code is plain Java: no framework, no broker, no database, no wall clock. */
  public static ArchRule domainIsPlainJava(String serviceRoot) {
    return noClasses()
        .that()
        .resideInAPackage(serviceRoot + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut..",
            "jakarta.inject..",
            "jakarta.transaction..",
            "org.apache.kafka..",
            "java.sql..",
            "javax.sql..",
            "com.fasterxml.jackson..",
            "org.matac.support..")
        .because("the domain must be testable in milliseconds without any server");
  }

  /** The domain cannot read the wall clock: time is passed in. */
  public static ArchRule domainNeverReadsTheClock(String serviceRoot) {
    return noClasses()
        .that()
        .resideInAPackage(serviceRoot + ".domain..")
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("scores and decisions must be exact for any asOf, so time is an input");
  }

  /** Services talk through topics and HTTP only, never through each other's classes. */
  public static ArchRule doesNotImportOtherServices(String serviceRoot) {
    String[] others =
        SERVICE_ROOTS.stream()
            .filter(root -> !root.equals(serviceRoot))
            .map(root -> root + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(serviceRoot + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others);
  }

  /** Web, messaging and persistence are adapters: the application layer does not call them. */
  public static ArchRule applicationDoesNotDependOnAdapters(String serviceRoot) {
    return noClasses()
        .that()
        .resideInAPackage(serviceRoot + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(serviceRoot + ".web..", serviceRoot + ".messaging..");
  }
}
