package org.matac.tracking;

import io.micronaut.runtime.Micronaut;

public class TrackingApplication {

  public static void main(String[] args) {
    Micronaut.build(args).mainClass(TrackingApplication.class).banner(false).start();
  }
}
