package org.matac.scoring.domain;

import java.time.LocalDate;

/** An action as the agency that owns it reads it: with the person's name and the list's date. */
public record OwnedAction(
    MatacAction action, String givenName, String familyName, LocalDate cycleDate) {}
