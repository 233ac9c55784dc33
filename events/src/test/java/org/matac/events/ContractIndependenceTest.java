package org.matac.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.matac.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractIndependenceTest {

  @ArchTest
  static final ArchRule the_contract_depends_only_on_the_jdk_and_jackson_annotations =
      classes()
          .that()
          .resideInAPackage("org.matac.events..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("org.matac.events..", "java..", "com.fasterxml.jackson.annotation..");
}
