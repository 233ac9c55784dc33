package org.matac.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.matac.testing.ServiceArchitecture;

@AnalyzeClasses(
    packages = "org.matac.notification",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "org.matac.notification";

  @ArchTest
  static final ArchRule domain_is_plain_java = ServiceArchitecture.domainIsPlainJava(ROOT);

  @ArchTest
  static final ArchRule domain_never_reads_the_clock =
      ServiceArchitecture.domainNeverReadsTheClock(ROOT);

  @ArchTest
  static final ArchRule no_other_service_is_imported =
      ServiceArchitecture.doesNotImportOtherServices(ROOT);

  @ArchTest
  static final ArchRule application_does_not_call_adapters =
      ServiceArchitecture.applicationDoesNotDependOnAdapters(ROOT);
}
