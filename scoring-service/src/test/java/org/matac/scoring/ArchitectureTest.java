package org.matac.scoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.matac.testing.ServiceArchitecture;

@AnalyzeClasses(
    packages = "org.matac.scoring",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests layering = ArchTests.in(ServiceArchitecture.class);

  // One direction, web -> application -> domain <- persistence: held here for scoring, which
  // keeps it already, until tracking and notification do too and the rules move to
  // ServiceArchitecture (issue 17).
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
}
