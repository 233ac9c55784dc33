package org.matac.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * One direction of dependency, web -> application -> domain <- persistence: adapters reach the
 * stores only through the use cases, and stores speak the domain's types.
 */
public final class OneDirection {

  private OneDirection() {}

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
