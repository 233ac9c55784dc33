package org.matac.console.domain;

/**
 * How a person's place in an area's ranking moved since the last published cycle: what a
 * coordinator asks first about a name ("new this month?", "climbing?").
 */
public record Movement(String text, String colour) {

  public static Movement between(Integer previousRank, int currentRank) {
    if (previousRank == null) {
      return new Movement("New", "blue");
    }
    int places = previousRank - currentRank;
    if (places == 0) {
      return new Movement("No change", "grey");
    }
    String count = Math.abs(places) == 1 ? "1 place" : Math.abs(places) + " places";
    return places > 0 ? new Movement("Up " + count, "red") : new Movement("Down " + count, "green");
  }
}
