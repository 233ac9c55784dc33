package org.matac.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The layering every service keeps. A service's architecture test imports its own classes and
 * includes these rules with {@code ArchTests.in(ServiceArchitecture.class)}.
 */
public final class ServiceArchitecture {

  private ServiceArchitecture() {}

  @ArchTest
  public static final ArchRule domain_is_plain_java =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
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

  @ArchTest
  public static final ArchRule domain_never_reads_the_clock =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("scores and decisions must be exact for any asOf, so time is an input");

  @ArchTest
  static final ArchRule services_never_import_each_other =
      slices()
          .matching("org.matac.(tracking|scoring|notification)..")
          .should()
          .notDependOnEachOther()
          .because("services talk through topics and HTTP only");

  @ArchTest
  static final ArchRule application_does_not_call_the_adapters_that_call_it =
      noClasses()
          .that()
          .resideInAPackage("..application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..web..", "..messaging..");

  // One direction, web -> application -> domain <- persistence: adapters reach the stores only
  // through the use cases, and stores speak the domain's types.
  @ArchTest
  static final ArchRule web_and_messaging_reach_the_stores_only_through_the_application =
      noClasses()
          .that()
          .resideInAnyPackage("..web..", "..messaging..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..persistence..");

  @ArchTest
  static final ArchRule stores_speak_the_domains_types_not_the_applications =
      noClasses()
          .that()
          .resideInAPackage("..persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..application..");

  @ArchTest
  static final ArchRule use_cases_refuse_in_their_own_words_not_in_http =
      noClasses()
          .that()
          .resideInAPackage("..application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.matac.support.problem..", "io.micronaut.http..")
          .because(
              "a use case is called by Kafka consumers too: it throws Refused, which web says as"
                  + " problem+json and a consumer dead-letters");
}
