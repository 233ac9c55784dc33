package org.matac.scoring;

import io.micronaut.runtime.Micronaut;

public class ScoringApplication {

  public static void main(String[] args) {
    Micronaut.build(args).mainClass(ScoringApplication.class).banner(false).start();
  }
}
