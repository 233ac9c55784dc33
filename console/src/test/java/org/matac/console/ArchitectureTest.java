package org.matac.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.matac.testing.ServiceArchitecture;

@AnalyzeClasses(
    packages = "org.matac.console",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  // The console has no application or messaging layer: the services' domain rules are its own.
  @ArchTest static final ArchRule domain_is_plain_java = ServiceArchitecture.domain_is_plain_java;

  @ArchTest
  static final ArchRule domain_never_reads_the_clock =
      ServiceArchitecture.domain_never_reads_the_clock;

  @ArchTest
  static final ArchRule the_console_reaches_the_services_only_through_their_apis =
      noClasses()
          .that()
          .resideInAPackage("org.matac.console..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.matac.tracking..",
              "org.matac.scoring..",
              "org.matac.notification..",
              "org.matac.support..",
              "java.sql..",
              "javax.sql..")
          .because(
              "the console stores nothing and sees only what each API shows the person (ADR 8)");

  @ArchTest
  static final ArchRule the_service_clients_know_nothing_of_pages =
      noClasses()
          .that()
          .resideInAPackage("..backends..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..web..", "io.micronaut.views..");
}
