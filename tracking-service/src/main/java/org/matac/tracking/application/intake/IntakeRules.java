package org.matac.tracking.application.intake;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * What the partnership has agreed, from configuration: its area codes, the agencies that may
 * publish on the police topic, and the offence categories of the active gravity table.
 */
@Singleton
public class IntakeRules {

  private final Set<String> areas;
  private final Set<String> policeAgencies;
  private final Set<String> offenceCategories;

  public IntakeRules(
      @Value("${matac.partnership.areas}") List<String> areas,
      @Value("${matac.partnership.police-agencies}") List<String> policeAgencies,
      @Value("${matac.intake.offence-categories}") List<String> offenceCategories) {
    this.areas = Set.copyOf(areas);
    this.policeAgencies = Set.copyOf(policeAgencies);
    this.offenceCategories = Set.copyOf(offenceCategories);
  }

  public boolean isKnownArea(String area) {
    return areas.contains(area);
  }

  public boolean isPoliceAgency(String agency) {
    return policeAgencies.contains(agency);
  }

  public boolean isOffenceCategory(String category) {
    return offenceCategories.contains(category);
  }

  public Set<String> offenceCategories() {
    return offenceCategories;
  }
}
