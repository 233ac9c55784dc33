package org.matac.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.matac.testing.ServiceArchitecture;

@AnalyzeClasses(
    packages = "org.matac.notification",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchTests layering = ArchTests.in(ServiceArchitecture.class);
}
